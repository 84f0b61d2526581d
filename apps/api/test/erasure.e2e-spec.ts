import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ERASED } from '@chronicle/application';
import { TOKENS } from '../src/commands/testing/api-harness';
import { RestartableApi } from '../src/audit/testing/restartable-api';

// Every personal value is distinctive, so a byte search of the data folder cannot match by chance.
const PERSONAL = {
  firstName: 'Zebedeeus',
  lastName: 'Quixwellington',
  email: 'zebedeeus.quix@erasure-proof.test',
  phone: '+44 7700 900417',
  street: 'Marrowbone Crescent 77',
  city: 'Pemberlyton-on-Sea',
  jobTitle: 'Chief Quillsmith',
  interactionSubject: 'Gooseberry warranty chat',
  notes: 'Prefers zanzibar-blue invoices',
  feedback: 'The snorkelwidget squeaks',
  surveyAnswer: 'Glimmerfrost waffles forever',
  ticketSubject: 'Humming kettle xyzzy',
  ticketDescription: 'Kettle number 4417 hums nocturnally',
  response: 'Have you tried descaling the hummer',
  resolution: 'Replaced the quivering thermostat',
  comment: 'Splendiferous servicing',
};

const CONTACT = 'E-1';

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('EraseContactPersonalData, end to end', () => {
  const logLines: string[] = [];
  let api: RestartableApi;
  let dataDir: string;
  let lastPosition = '0';
  const send = async (type: string, body: Record<string, unknown>, token?: string) => {
    lastPosition = await api.accepted(type, body, token);
  };
  const get = <T>(path: string, token: string = TOKENS.auditor) =>
    api.request<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, token);
  let before: Record<string, unknown>;

  beforeAll(async () => {
    api = await RestartableApi.start(undefined, logLines);
    dataDir = api.dataDir;
    await send('RegisterContact', {
      contactId: CONTACT,
      firstName: PERSONAL.firstName,
      lastName: PERSONAL.lastName,
      email: PERSONAL.email,
      phone: PERSONAL.phone,
      address: { street: PERSONAL.street, city: PERSONAL.city, country: 'GB' },
      source: 'web',
      lifecycleStage: 'lead',
    });
    await send('UpdateContactDetails', { contactId: CONTACT, jobTitle: PERSONAL.jobTitle });
    await send('ChangeLifecycleStage', { contactId: CONTACT, stage: 'customer' });
    await send('RecordConsent', { contactId: CONTACT, channel: 'email', granted: true });
    const interaction = { interactionId: 'EI-1', contactId: CONTACT, kind: 'call' };
    await send('LogInteraction', {
      ...interaction,
      direction: 'inbound',
      subject: PERSONAL.interactionSubject,
      notes: PERSONAL.notes,
    });
    await send('RecordFeedback', {
      feedbackId: 'EF-1',
      contactId: CONTACT,
      kind: 'complaint',
      description: PERSONAL.feedback,
    });
    await send('RecordSurveyResponse', {
      responseId: 'ES-1',
      contactId: CONTACT,
      surveyId: 'NPS',
      answers: [{ question: 'Favourite snack?', answer: PERSONAL.surveyAnswer }],
      score: 8,
    });
    await send('RecordPurchase', {
      orderId: 'EO-1',
      contactId: CONTACT,
      items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 60 }],
      currency: 'EUR',
      channel: 'online',
    });
    await send('OpenDeal', {
      dealId: 'ED-1',
      contactId: CONTACT,
      name: 'Seats',
      amount: 900,
      currency: 'EUR',
      stage: 'proposal',
      channel: 'online',
      ownerId: 'U-1',
    });
    await send('WinDeal', { dealId: 'ED-1', amount: 950 });
    await send('OpenTicket', {
      ticketId: 'ET-1',
      contactId: CONTACT,
      subject: PERSONAL.ticketSubject,
      description: PERSONAL.ticketDescription,
      priority: 'high',
      channel: 'email',
    });
    await send('RespondToTicket', { ticketId: 'ET-1', agentId: 'A-1', message: PERSONAL.response });
    await send('ResolveTicket', { ticketId: 'ET-1', resolution: PERSONAL.resolution });
    await send('CloseTicket', {
      ticketId: 'ET-1',
      satisfactionScore: 4,
      comment: PERSONAL.comment,
    });
    await send('OpenTicket', {
      ticketId: 'ET-2',
      contactId: CONTACT,
      subject: 'second',
      priority: 'low',
      channel: 'web',
    });
    before = (await get<Record<string, unknown>>(`/views/customers/${CONTACT}`, TOKENS.analyst))
      .body;
    await send('EraseContactPersonalData', { contactId: CONTACT, reason: 'art. 17' }, TOKENS.admin);
  });

  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the history replayable, verified, with every personal field erased', async () => {
    const history = await get<{ events: Array<{ type: string; data: Record<string, unknown> }> }>(
      `/audit/customers/${CONTACT}/events?limit=1000`,
    );
    const verify = await get<{ ok: boolean }>(`/audit/customers/${CONTACT}/verify`);

    expect(history.body.events).toHaveLength(17);
    expect(history.body.events[0]!.data).toMatchObject({
      firstName: ERASED,
      email: ERASED,
      address: ERASED,
      source: 'web',
    });
    const ticket = history.body.events.find(({ type }) => type === 'TicketOpened')!;
    expect(ticket.data).toMatchObject({ subject: ERASED, description: ERASED, priority: 'high' });
    expect(JSON.stringify(history.body)).not.toContain(PERSONAL.lastName);
    expect(verify.body.ok).toBe(true);
  });

  it('erases personal fields in the as-of state and the 360, keeping counts, stages and amounts', async () => {
    const [asOf, view] = await Promise.all([
      get<Record<string, unknown>>(`/audit/customers/${CONTACT}/state`),
      get<Record<string, unknown>>(`/views/customers/${CONTACT}`, TOKENS.analyst),
    ]);
    const kept = {
      lifecycleStage: 'customer',
      consents: { email: true },
      purchases: before.purchases,
      interactions: before.interactions,
      openTickets: 1,
      deals: { open: 0, won: 1, lost: 0 },
    };
    const erased = { firstName: ERASED, lastName: ERASED, email: ERASED, jobTitle: ERASED };

    expect(view.body).toMatchObject({
      ...kept,
      ...erased,
      erasedAt: expect.any(String) as unknown,
    });
    expect(asOf.body).toMatchObject({ ...kept, ...erased });
    expect(before).toMatchObject({ firstName: PERSONAL.firstName, purchases: { orders: 1 } });
  });

  it('keeps the SLA figures of the tickets', async () => {
    const { body } = await get<Record<string, unknown>>('/views/tickets/ET-1', TOKENS.analyst);

    expect(body).toMatchObject({ status: 'closed', satisfactionScore: 4, priority: 'high' });
  });

  it('leaves no byte of any personal value in any file of the data folder, nor in the log', async () => {
    await api.close();
    const files = filesUnder(dataDir);
    const found = files.flatMap((file) => {
      const bytes = readFileSync(file);
      return Object.values(PERSONAL)
        .filter((value) => bytes.includes(Buffer.from(value, 'utf8')))
        .map((value) => `${value} in ${file}`);
    });
    const logged = Object.values(PERSONAL).filter((value) =>
      logLines.some((line) => line.includes(value)),
    );

    expect(files.map((file) => file.slice(dataDir.length + 1))).toEqual(
      expect.arrayContaining(['events.sqlite', 'keys.sqlite', 'read-models.sqlite']),
    );
    expect(found).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logged).toEqual([]);
    api = await RestartableApi.start(dataDir, logLines);
  });

  it('fails loudly, never as erased, when a live contact has lost its key', async () => {
    await send('RegisterContact', { contactId: 'K-1', firstName: 'Keyless', source: 'web' });
    await api.close();
    const keys = new Database(join(dataDir, 'keys.sqlite'));
    keys.prepare("DELETE FROM subject_keys WHERE subject_id = 'K-1'").run();
    keys.close();
    api = await RestartableApi.start(dataDir, logLines);

    const answers = await Promise.all([
      get<{ code: string }>('/audit/customers/K-1/events'),
      get<{ code: string }>('/audit/customers/K-1/state'),
      get<{ code: string }>('/views/customers/K-1', TOKENS.analyst),
    ]);

    expect(answers.map(({ status }) => status)).toEqual([500, 500, 500]);
    expect(JSON.stringify(answers)).not.toContain(ERASED);
  });
});
