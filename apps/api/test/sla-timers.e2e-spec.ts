import { type BreachOutcome, type DueTimer } from '@chronicle/scheduling';
import { deleteKeysWithPrefix } from '@chronicle/scheduling/bullmq';
import { QueueHarness } from '../src/queue/testing/queue-harness';
import { eventually } from '../../../libs/scheduling/src/testing/eventually';
import { testRedisUrl, uniquePrefix } from '../../../libs/scheduling/src/testing/test-redis';

const redisUrl = testRedisUrl();

// Both schedulers behind the same port: the embedded one (SQLite) and BullMQ on the real Redis.
describe.each([
  { mode: 'embedded', redis: undefined },
  { mode: 'Redis', redis: redisUrl },
])('SLA timers over HTTP ($mode)', ({ redis }) => {
  const prefix = uniquePrefix('sla');
  let api: QueueHarness;
  const fired: Array<{ timer: DueTimer; outcome: BreachOutcome }> = [];

  beforeAll(async () => {
    api = await QueueHarness.start({
      redisUrl: redis,
      prefix,
      commandQueue: false,
      onSlaTimerFired: (timer, outcome) => fired.push({ timer, outcome }),
    });
    await api.accepted('RegisterContact', { contactId: 'C-1', email: 'c1@example.com' });
    await api.accepted('DefineSlaPolicy', {
      priority: 'urgent',
      firstResponseSeconds: 2,
      resolutionSeconds: 3600,
    });
  });

  afterAll(async () => {
    await api.close();
    if (redis) await deleteKeysWithPrefix(redis, prefix);
  });

  const open = (ticketId: string) =>
    api.accepted('OpenTicket', {
      ticketId,
      contactId: 'C-1',
      subject: 'Printer on fire',
      priority: 'urgent',
      channel: 'email',
    });

  it('records one SlaBreached within a second of the due time, and none for a ticket answered in time', async () => {
    await open('T-late');
    await open('T-answered');
    const answered = await api.accepted('RespondToTicket', {
      ticketId: 'T-answered',
      agentId: 'A-1',
    });
    await api.slaTimers.feed.waitForPosition(answered.position);
    expect(await api.timers.pending('sla.first_response.T-answered')).toBeUndefined();
    expect(await api.timers.pending('sla.first_response.T-late')).toBeDefined();

    await eventually(
      async () => (await api.eventsOf('ticket-T-late', 'SlaBreached')).length > 0,
      'the breach of T-late',
      4000,
    );
    const [opened] = await api.eventsOf('ticket-T-late', 'TicketOpened');
    const breaches = await api.eventsOf('ticket-T-late', 'SlaBreached');
    expect(breaches).toHaveLength(1);
    const dueAt = opened!.data.firstResponseDueAt as string;
    expect(breaches[0]!.data).toEqual({
      ticketId: 'T-late',
      contactId: 'C-1',
      target: 'first_response',
      dueAt,
    });
    const lateBy = Date.parse(breaches[0]!.metadata.recordedAt as string) - Date.parse(dueAt);
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThan(1000);
    expect(breaches[0]!.metadata).toMatchObject({
      occurredAt: dueAt,
      actor: { id: 'system:sla-timers' },
    });
    expect(await api.eventsOf('ticket-T-answered', 'SlaBreached')).toHaveLength(0);
  });

  it('records a breach once when the same timer is delivered again', async () => {
    const [breach] = await api.eventsOf('ticket-T-late', 'SlaBreached');
    const dueAt = breach!.data.dueAt as string;
    const payload = { ticketId: 'T-late', target: 'first_response', dueAt };
    const timerId = 'sla.first_response.T-late';
    fired.length = 0;
    await api.timers.schedule(timerId, new Date(dueAt), payload);
    await eventually(() => fired.some((fire) => fire.timer.timerId === timerId), 'redelivery');
    expect(fired.find((fire) => fire.timer.timerId === timerId)?.outcome).toBe('not-breached');
    const outcomes = await Promise.all([
      api.slaTimers.recorder.fire(payload as never),
      api.slaTimers.recorder.fire(payload as never),
    ]);
    expect(outcomes.every((outcome) => outcome !== 'recorded')).toBe(true);
    expect(await api.eventsOf('ticket-T-late', 'SlaBreached')).toHaveLength(1);
  });
});
