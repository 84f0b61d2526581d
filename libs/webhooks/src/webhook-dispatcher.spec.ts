import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataCipher, UpcastingReader } from '@chronicle/application';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { anEvent } from '@chronicle/event-store/testing';
import { SqliteTimerScheduler } from '@chronicle/scheduling/embedded';
import { eventually } from '../../scheduling/src/testing/eventually';
import { InMemoryKeyStore } from '../../projections/src/customer-360/testing/in-memory-key-store';
import { AddressPolicy } from './address-policy';
import { SqliteWebhookStore } from './adapters/embedded/sqlite-webhook-store';
import { newWebhookId, newWebhookSecret } from './delivery-ids';
import { type Hit, LoopbackReceiver } from './testing/loopback-receiver';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { Webhook } from './webhook-types';

// Short waits so a test sees many retries; the defaults (1 s doubling to 5 min, 24 h, 10 s) are
// the same code with other numbers.
const RETRY = { firstDelayMs: 100, maxDelayMs: 800, giveUpAfterMs: 60_000 };

describe('WebhookDispatcher', () => {
  let directory: string;
  let eventStore: SqliteEventStore;
  let store: SqliteWebhookStore;
  let receiver: LoopbackReceiver;
  let dispatcher: WebhookDispatcher | undefined;
  const keys = new InMemoryKeyStore();
  const reader = new UpcastingReader(new PersonalDataCipher(keys), keys);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-webhooks-'));
    eventStore = SqliteEventStore.open({ directory });
    store = SqliteWebhookStore.open(join(directory, 'webhooks.sqlite'));
    receiver = new LoopbackReceiver();
    await receiver.start();
  });

  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    await receiver.stop();
    await store.close();
    await eventStore.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function subscribe(eventTypes = ['*'], retry = RETRY, timeoutMs = 2000): Promise<Webhook> {
    const webhook: Webhook = {
      webhookId: newWebhookId(),
      url: receiver.url,
      eventTypes,
      secret: newWebhookSecret(),
      description: null,
      state: 'active',
      createdAt: new Date().toISOString(),
      position: await eventStore.headPosition(),
      lastDeliveryAt: null,
    };
    await store.create(webhook);
    await startDispatcher(retry, timeoutMs);
    return webhook;
  }

  async function startDispatcher(retry = RETRY, timeoutMs = 2000): Promise<void> {
    dispatcher = new WebhookDispatcher({
      eventStore,
      store,
      reader,
      timers: new SqliteTimerScheduler({ path: join(directory, 'webhook-timers.sqlite') }),
      // The receiver listens on loopback, which only this setting lets a webhook reach.
      policy: new AddressPolicy(['127.0.0.1']),
      retry,
      timeoutMs,
      sweepMs: 200,
    });
    await dispatcher.start();
  }

  async function append(streamId: string, ...types: string[]): Promise<void> {
    await eventStore.append(
      streamId,
      types.map((type) => anEvent(type, { streamId })),
      'any',
    );
  }

  const delivered = (streamId: string) => {
    const seen = new Map<string, Hit>();
    for (const hit of receiver.acknowledged()) {
      if (hit.body.streamId === streamId) seen.set(hit.eventId, hit);
    }
    return [...seen.values()].map((hit) => hit.body.revision);
  };

  const everything = async () => (await eventStore.readAll()).length;
  const allAcknowledged = async () => {
    const expected = await everything();
    await receiver.until(
      () => new Set(receiver.acknowledged().map((hit) => hit.eventId)).size >= expected,
      `${expected} events acknowledged`,
    );
  };

  it('delivers every event after the subscription, signed as documented', async () => {
    await append('ticket-before', 'TicketOpened');
    const webhook = await subscribe(['TicketOpened', 'TicketClosed']);
    await append('ticket-1', 'TicketOpened', 'TicketAssigned', 'TicketClosed');
    await receiver.until(() => receiver.hits.length >= 2, 'two deliveries');
    const [opened, closed] = receiver.hits;
    expect([opened!.eventType, closed!.eventType]).toEqual(['TicketOpened', 'TicketClosed']);
    const [, t, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(opened!.signature)!;
    const expected = createHmac('sha256', Buffer.from(webhook.secret, 'utf8'))
      .update(`${t}.${opened!.rawBody}`)
      .digest('hex');
    expect(mac).toBe(expected);
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    expect(opened!.deliveryId).toMatch(/^dlv_[0-9a-f]{32}$/);
    expect(opened!.body).toMatchObject({ streamId: 'ticket-1', revision: 0 });
  });

  it('holds back only the failing stream, in order, retrying with doubling waits', async () => {
    let refusals = 3;
    receiver.react = (hit) =>
      hit.body.streamId === 'deal-A' && hit.body.revision === 1 && refusals-- > 0
        ? { status: 500 }
        : { status: 200 };
    await subscribe();
    await append('deal-A', 'DealOpened', 'DealStageAdvanced', 'DealStageAdvanced', 'DealWon');
    await append('deal-B', 'DealOpened', 'DealWon');
    await receiver.until(() => delivered('deal-B').length === 2, 'deal-B delivered');
    expect(delivered('deal-A')).toEqual([0]);
    await allAcknowledged();
    expect(delivered('deal-A')).toEqual([0, 1, 2, 3]);
    const tries = receiver.hits.filter(
      (h) => h.body.streamId === 'deal-A' && h.body.revision === 1,
    );
    const waits = tries.slice(1).map((hit, index) => hit.at - tries[index]!.at);
    expect(waits).toHaveLength(3);
    // 100, 200 and 400 ms, each at least that (timers fire late, never early).
    waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(100 * 2 ** index - 60));
    expect(new Set(tries.map((hit) => hit.deliveryId)).size).toBe(1);
  });

  it('retries a receiver that times out, drops the connection, or is down for a while', async () => {
    let slow = 1;
    let dropped = 1;
    receiver.react = (hit) => {
      if (hit.body.streamId === 'slow' && slow-- > 0) return { status: 200, afterMs: 600 };
      if (hit.body.streamId === 'dropped' && dropped-- > 0) return 'close';
      return { status: 200 };
    };
    const webhook = await subscribe(['*'], RETRY, 300);
    await append('slow', 'TicketOpened', 'TicketClosed');
    await append('dropped', 'TicketOpened', 'TicketClosed');
    await allAcknowledged();
    await receiver.stop();
    await append('while-down', 'TicketOpened', 'TicketAssigned', 'TicketClosed');
    // The receiver comes back only once a delivery to it has failed and waits for its retry.
    await eventually(() => store.counts(webhook.webhookId).failed > 0, 'a failed delivery');
    await receiver.start();
    await allAcknowledged();
    for (const stream of ['slow', 'dropped']) expect(delivered(stream)).toEqual([0, 1]);
    expect(delivered('while-down')).toEqual([0, 1, 2]);
  });

  it('gives up after the retry period, lets the stream go on, and retries by hand', async () => {
    let broken = true;
    receiver.react = (hit) =>
      broken && hit.body.streamId === 'deal-X' && hit.body.revision === 0
        ? { status: 503 }
        : { status: 200 };
    const webhook = await subscribe(['*'], { ...RETRY, giveUpAfterMs: 300 });
    await append('deal-X', 'DealOpened', 'DealLost');
    await receiver.until(() => delivered('deal-X').includes(1), 'the later event goes on');
    const [dead] = store.deliveries(webhook.webhookId, { status: 'dead', limit: 10 });
    expect(dead).toMatchObject({ streamId: 'deal-X', revision: 0, status: 'dead' });
    expect(dead!.attempts).toBeGreaterThanOrEqual(2);
    broken = false;
    await dispatcher!.runner(webhook.webhookId)!.owed.retryByHand(dead!);
    await receiver.until(() => delivered('deal-X').includes(0), 'the dead one by hand');
    // The row goes once the answer is in; the receiver saw the request a moment before.
    await eventually(() => store.counts(webhook.webhookId).failed === 0, 'the row settled');
    expect(store.counts(webhook.webhookId)).toEqual({ failed: 0, held: 0, dead: 0 });
  });

  it('picks up after a restart: owed deliveries, held streams and the position', async () => {
    let failing = true;
    receiver.react = (hit) =>
      failing && hit.body.streamId === 'ticket-R' ? { status: 500 } : { status: 200 };
    const webhook = await subscribe();
    await append('ticket-R', 'TicketOpened', 'TicketAssigned');
    await append('ticket-S', 'TicketOpened');
    await receiver.until(() => delivered('ticket-S').length === 1, 'the healthy stream');
    await dispatcher!.stop();
    await append('ticket-R', 'TicketClosed');
    await append('ticket-S', 'TicketClosed');
    failing = false;
    await startDispatcher();
    await allAcknowledged();
    expect(delivered('ticket-R')).toEqual([0, 1, 2]);
    expect(delivered('ticket-S')).toEqual([0, 1]);
    // The receiver sees a request a moment before the runner has its answer and moves on.
    const head = await eventStore.headPosition();
    const runner = dispatcher!.runner(webhook.webhookId)!;
    await eventually(() => runner.position === head, 'the position reached the head');
    // Stopping writes the position it reached (it is otherwise written every 100 ms).
    await dispatcher!.stop();
    dispatcher = undefined;
    expect(store.get(webhook.webhookId)!.position).toBe(head);
  });
});
