import { slaTimerId } from '@chronicle/scheduling';
import { deleteKeysWithPrefix } from '@chronicle/scheduling/bullmq';
import { QueueHarness } from '../src/queue/testing/queue-harness';
import { eventually } from '../../../libs/scheduling/src/testing/eventually';
import { testRedisUrl, uniquePrefix } from '../../../libs/scheduling/src/testing/test-redis';

const redisUrl = testRedisUrl();
const HOUR_MS = 60 * 60 * 1000;

// "Redis lost everything" is simulated by deleting this run's prefix only: the Redis is shared.
describe('SLA reconciliation after Redis loses the timers', () => {
  const prefix = uniquePrefix('sla-reconcile');
  let api: QueueHarness | undefined;

  afterAll(async () => {
    await api?.close();
    await deleteKeysWithPrefix(redisUrl, prefix);
  });

  const ticket = (ticketId: string) => ({
    ticketId,
    contactId: 'C-1',
    subject: 'Broken',
    priority: 'urgent',
    channel: 'chat',
  });

  it('records every overdue breach after a flush and a restart, and none twice', async () => {
    const first = await QueueHarness.start({ redisUrl, prefix, commandQueue: false });
    await first.accepted('RegisterContact', { contactId: 'C-1', email: 'c1@example.com' });
    await first.accepted('DefineSlaPolicy', {
      priority: 'urgent',
      firstResponseSeconds: 1,
      resolutionSeconds: 3600,
    });
    await first.accepted('OpenTicket', ticket('T-1'));
    await eventually(
      async () => (await first.eventsOf('ticket-T-1', 'SlaBreached')).length === 1,
      'the live breach of T-1',
    );
    // Later tickets fall due in 30 s: their timers are still pending when Redis loses them.
    await first.accepted('DefineSlaPolicy', {
      priority: 'urgent',
      firstResponseSeconds: 30,
      resolutionSeconds: 3600,
    });
    await first.accepted('OpenTicket', ticket('T-2'));
    await first.accepted('OpenTicket', ticket('T-3'));
    await first.accepted('RespondToTicket', { ticketId: 'T-3', agentId: 'A-1' });
    await first.accepted('OpenTicket', ticket('T-4'));
    const last = await first.accepted('CloseTicket', { ticketId: 'T-4' });
    await first.slaTimers.feed.waitForPosition(last.position);
    expect(await first.timers.pending(slaTimerId('T-2', 'first_response'))).toBeDefined();
    await first.close(true);

    expect(await deleteKeysWithPrefix(redisUrl, prefix)).toBeGreaterThan(0);

    // Restarted a "day later": every remaining target is overdue by its clock.
    api = await QueueHarness.start({
      redisUrl,
      prefix,
      commandQueue: false,
      dataDir: first.dataDir,
      clock: () => new Date(Date.now() + 24 * HOUR_MS),
    });
    await api.slaTimers.reconciled();
    const expected: Record<string, string[]> = {
      'T-1': ['first_response', 'resolution'],
      'T-2': ['first_response', 'resolution'],
      'T-3': ['resolution'],
      'T-4': [],
    };
    const targetsOf = async (ticketId: string) =>
      (await api!.eventsOf(`ticket-${ticketId}`, 'SlaBreached'))
        .map((event) => event.data.target as string)
        .sort();
    const timerIds = Object.keys(expected).flatMap((id) =>
      ['first_response', 'resolution'].map((target) => slaTimerId(id, target as never)),
    );
    await eventually(async () => {
      const pending = await Promise.all(timerIds.map((id) => api!.timers.pending(id)));
      return pending.every((timer) => timer === undefined);
    }, 'every overdue timer fired');

    for (const [ticketId, targets] of Object.entries(expected)) {
      expect({ ticketId, targets: await targetsOf(ticketId) }).toEqual({ ticketId, targets });
    }
    const [t2Opened] = await api.eventsOf('ticket-T-2', 'TicketOpened');
    const t2Breaches = await api.eventsOf('ticket-T-2', 'SlaBreached');
    // Late, but each with its true due time.
    expect(
      Object.fromEntries(t2Breaches.map((event) => [event.data.target, event.data.dueAt])),
    ).toEqual({
      first_response: t2Opened!.data.firstResponseDueAt,
      resolution: t2Opened!.data.resolutionDueAt,
    });
  });
});
