import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { TOKENS } from '../../src/commands/testing/api-harness';
import { LoopbackReceiver } from '../../../../libs/webhooks/src/testing/loopback-receiver';
import { WebhookApi } from './support/webhook-api';

interface Created {
  webhookId: string;
  url: string;
  eventTypes: string[];
  secret: string;
  state: string;
  createdAt: string;
}

interface Detail {
  position: string;
  lag: string;
  lastDeliveryAt: string | null;
  failing: boolean;
  deliveries: { failed: number; held: number; dead: number };
  state: string;
}

/** A receiver's check, as docs/integration.md shows it. */
function verified(secret: string, header: string, rawBody: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

describe('webhooks over HTTP', () => {
  let api: WebhookApi;
  const receiver = new LoopbackReceiver();

  beforeAll(async () => {
    await receiver.start();
    // Only the test receiver's address is let through.
    api = await WebhookApi.start('127.0.0.1');
  });

  afterAll(async () => {
    await api.close();
    await receiver.stop();
  });

  const create = (body: unknown) => api.call<Created>('POST', '/admin/webhooks', body);
  const detail = (id: string) => api.call<Detail>('GET', `/admin/webhooks/${id}`);

  it('creates, lists, pauses, resumes and deletes a subscription', async () => {
    const created = await create({ url: receiver.url, eventTypes: ['TicketOpened'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      webhookId: expect.stringMatching(/^wh_/) as unknown,
      url: receiver.url,
      eventTypes: ['TicketOpened'],
      state: 'active',
    });
    expect(Buffer.from(created.body.secret.replace(/^whsec_/, ''), 'base64url').length).toBe(32);
    const id = created.body.webhookId;
    const listed = await api.call<{ webhooks: object[] }>('GET', '/admin/webhooks');
    expect(listed.body.webhooks).toContainEqual(expect.objectContaining({ webhookId: id }));
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await detail(id)).body).toMatchObject({
      lag: '0',
      failing: false,
      lastDeliveryAt: null,
    });
    const paused = await api.call<Detail>('PATCH', `/admin/webhooks/${id}`, { state: 'paused' });
    expect(paused.body.state).toBe('paused');
    expect((await api.call('DELETE', `/admin/webhooks/${id}`)).status).toBe(204);
    expect((await detail(id)).status).toBe(404);
    expect((await api.call('GET', '/admin/webhooks', undefined, TOKENS.service)).status).toBe(403);
  });

  it('delivers signed events with personal fields in clear, and [erased] after an erasure', async () => {
    const { body: webhook } = await create({
      url: receiver.url,
      eventTypes: ['ContactRegistered'],
      secret: 'a-shared-secret-of-some-length',
    });
    await api.command('RegisterContact', { contactId: 'C-W1', firstName: 'Ada', email: 'a@w.io' });
    await receiver.until(() => receiver.hits.some((h) => h.body.data.contactId === 'C-W1'), 'C-W1');
    const hit = receiver.hits.find((h) => h.body.data.contactId === 'C-W1')!;
    expect(verified(webhook.secret, hit.signature, hit.rawBody)).toBe(true);
    expect(verified('another secret', hit.signature, hit.rawBody)).toBe(false);
    expect(hit.body.data).toMatchObject({ firstName: 'Ada', email: 'a@w.io' });
    expect(hit.eventType).toBe('ContactRegistered');

    // Paused, the subscription keeps its place: the event is delivered on resume, as it reads then.
    await api.call('PATCH', `/admin/webhooks/${webhook.webhookId}`, { state: 'paused' });
    await api.command('RegisterContact', { contactId: 'C-W2', firstName: 'Bea' });
    await api.command('EraseContactPersonalData', { contactId: 'C-W2', reason: 'asked' });
    await api.call('PATCH', `/admin/webhooks/${webhook.webhookId}`, { state: 'active' });
    await receiver.until(() => receiver.hits.some((h) => h.body.data.contactId === 'C-W2'), 'C-W2');
    const erased = receiver.hits.find((h) => h.body.data.contactId === 'C-W2')!;
    expect(erased.body.data.firstName).toBe('[erased]');
    await api.call('DELETE', `/admin/webhooks/${webhook.webhookId}`);
  });

  it('lists failed deliveries, shows the failure, and retries by hand', async () => {
    let broken = true;
    receiver.react = (hit) =>
      broken && hit.body.streamId === 'ticket-T-W9' ? { status: 500 } : { status: 200 };
    const { body: webhook } = await create({ url: receiver.url, eventTypes: ['*'] });
    await api.command('RegisterContact', { contactId: 'C-W9', firstName: 'Cy' });
    await api.command('OpenTicket', {
      ticketId: 'T-W9',
      contactId: 'C-W9',
      subject: 's',
      priority: 'low',
      channel: 'web',
    });
    await api.command('AssignTicket', { ticketId: 'T-W9', agentId: 'A-1' });
    const path = `/admin/webhooks/${webhook.webhookId}`;
    type Owed = Array<{ deliveryId: string; streamId: string; status: string; lastError: string }>;
    const owed = async (query = '') =>
      (await api.call<{ deliveries: Owed }>('GET', `${path}/deliveries${query}`)).body.deliveries;
    // Rows are written as the runner reads the log; each read of the list is itself the wait.
    await receiver.until(
      () => receiver.hits.some((h) => h.body.streamId === 'ticket-T-W9'),
      'a try',
    );
    for (let round = 0; round < 200 && (await owed()).length < 2; round += 1);
    const failed = await owed('?status=failed');
    expect(failed).toEqual([
      expect.objectContaining({ streamId: 'ticket-T-W9', lastError: 'answered 500' }) as unknown,
    ]);
    const all = await api.call<{ deliveries: Array<{ status: string }> }>(
      'GET',
      `${path}/deliveries`,
    );
    expect(all.body.deliveries.map((d) => d.status)).toEqual(['failed', 'held']);
    expect((await detail(webhook.webhookId)).body).toMatchObject({
      failing: true,
      deliveries: { failed: 1, held: 1, dead: 0 },
    });
    broken = false;
    const retried = await api.call('POST', `${path}/deliveries/${failed[0]!.deliveryId}/retry`);
    expect(retried.status).toBe(202);
    await receiver.until(
      () => receiver.acknowledged().filter((h) => h.body.streamId === 'ticket-T-W9').length >= 2,
      'both ticket events',
    );
    const order = receiver
      .acknowledged()
      .filter((h) => h.body.streamId === 'ticket-T-W9')
      .map((h) => h.body.revision);
    expect(order).toEqual([0, 1]);
    expect((await api.call('POST', `${path}/deliveries/dlv_nope/retry`)).status).toBe(404);
    const metrics = await fetch(`${api.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TOKENS.admin}` },
    });
    const text = await metrics.text();
    expect(text).toContain(`chronicle_webhook_lag{webhook="${webhook.webhookId}"}`);
    expect(text).toMatch(
      /chronicle_webhook_attempts_total\{webhook="[^"]+",outcome="failed"\} [1-9]/,
    );
  });

  it.each([
    ['eventTypes', { url: 'https://hooks.example.com/', eventTypes: [] }],
    ['eventTypes', { url: 'https://hooks.example.com/', eventTypes: ['TicketOpen'] }],
    ['eventTypes', { url: 'https://hooks.example.com/', eventTypes: ['*', 'TicketOpened'] }],
    ['secret', { url: 'https://hooks.example.com/', eventTypes: ['*'], secret: 'short' }],
  ])('refuses a bad %s', async (field, body) => {
    const { status, body: answer } = await create(body);
    expect([status, answer]).toMatchObject([400, { details: [{ field }] }]);
  });
});

describe('webhook URLs that could reach inside the network', () => {
  let api: WebhookApi;

  beforeAll(async () => {
    api = await WebhookApi.start('');
  });

  afterAll(() => api.close());

  // This machine's own name, when /etc/hosts resolves it locally (no DNS query leaves the host).
  const ownName = readFileSync('/etc/hosts', 'utf8').includes(hostname()) ? [hostname()] : [];

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://localhost:8080/',
    'http://[::1]:8080/',
    'http://127.0.0.1:8080/',
    ...ownName.map((name) => `http://${name}:8080/`),
    'file:///etc/passwd',
    'ftp://files.example.com/',
    `https://hooks.example.com/${'x'.repeat(2100)}`.slice(0, 2100),
  ])('refuses %s with 400 naming url', async (url) => {
    const { status, body } = await api.call('POST', '/admin/webhooks', { url, eventTypes: ['*'] });
    expect([status, body]).toMatchObject([
      400,
      { code: 'VALIDATION_FAILED', details: [{ field: 'url' }] },
    ]);
  });
});
