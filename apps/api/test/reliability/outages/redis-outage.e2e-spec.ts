import { type CheckpointStore, slaTimerId, type TimerScheduler } from '@chronicle/scheduling';
import { eventually } from '../../../../../libs/scheduling/src/testing/eventually';
import { SLA_TIMER_STORE } from '@chronicle/scheduling';
import { OutageApi } from './support/outage-api';
import { RedisChild } from '../../../../../libs/scheduling/src/testing/redis-child';

const FIRST_RESPONSE_SECONDS = 2;

// Redis is this test's own redis-server: killing it stops nothing anyone else uses.
describe('Redis stopped mid-run', () => {
  let redis: RedisChild;
  let api: OutageApi;

  beforeAll(async () => {
    redis = await RedisChild.start();
    api = await OutageApi.start({ REDIS_URL: redis.url });
    await api.accepted('RegisterContact', { contactId: 'C-1', email: 'c1@example.com' });
    await api.accepted('DefineSlaPolicy', {
      priority: 'urgent',
      firstResponseSeconds: FIRST_RESPONSE_SECONDS,
      resolutionSeconds: 3600,
    });
  });

  afterAll(async () => {
    await api?.close();
    await redis?.kill();
  });

  const timers = () => api.app.get<TimerScheduler & CheckpointStore>(SLA_TIMER_STORE);
  const openTicket = (ticketId: string) =>
    api.send('OpenTicket', {
      ticketId,
      contactId: 'C-1',
      subject: 'Cannot log in',
      priority: 'urgent',
      channel: 'chat',
    });
  const breachesOf = async (ticketId: string) =>
    (await api.events(`ticket-${ticketId}`, 'SlaBreached')).map((event) => event.data);
  const firstResponseDue = async (ticketId: string) => {
    const [opened] = await api.events(`ticket-${ticketId}`, 'TicketOpened');
    return opened!.data.firstResponseDueAt as string;
  };

  it('keeps taking commands, reports Redis down, and records each overdue breach once when it is back', async () => {
    // Armed in Redis before the outage; a Redis without persistence comes back without them.
    expect((await openTicket('T-before')).status).toBe(201);
    expect((await openTicket('T-answered')).status).toBe(201);
    await eventually(async () => {
      const armed = await Promise.all(
        ['T-before', 'T-answered'].map((id) => timers().pending(slaTimerId(id, 'first_response'))),
      );
      return armed.every((timer) => timer !== undefined);
    }, 'the timers of T-before and T-answered armed in Redis');

    await redis.kill();

    const during = await Promise.all([
      openTicket('T-during'),
      api.send('RespondToTicket', { ticketId: 'T-answered', agentId: 'A-1' }),
      api.send('RegisterContact', { contactId: 'C-2', phone: '+441234567890' }),
    ]);
    expect(during.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(await api.health()).toMatchObject({
      status: 503,
      body: { status: 'degraded', eventStore: { status: 'up' }, redis: { status: 'down' } },
    });

    // The outage lasts past every due time: T-during's timer could not even be armed.
    const due = {
      'T-before': await firstResponseDue('T-before'),
      'T-during': await firstResponseDue('T-during'),
    };
    await eventually(
      () => Date.now() > Date.parse(due['T-during']) + 200,
      `past ${due['T-during']}`,
      10_000,
    );
    expect(await breachesOf('T-before')).toEqual([]);
    expect(await breachesOf('T-during')).toEqual([]);

    await redis.restart();

    await eventually(
      async () =>
        (await breachesOf('T-before')).length > 0 && (await breachesOf('T-during')).length > 0,
      'the breaches of T-before and T-during after Redis came back',
      20_000,
      100,
    );
    // Every first-response timer has fired and is gone: no later delivery can add a breach.
    await eventually(async () => {
      const pending = await Promise.all(
        ['T-before', 'T-during', 'T-answered'].map((id) =>
          timers().pending(slaTimerId(id, 'first_response')),
        ),
      );
      return pending.every((timer) => timer === undefined);
    }, 'the first-response timers fired');

    for (const ticketId of ['T-before', 'T-during'] as const) {
      expect(await breachesOf(ticketId)).toEqual([
        { ticketId, contactId: 'C-1', target: 'first_response', dueAt: due[ticketId] },
      ]);
    }
    expect(await breachesOf('T-answered')).toEqual([]);
    expect(await api.health()).toMatchObject({ status: 200, body: { status: 'ok' } });
  }, 45_000);
});
