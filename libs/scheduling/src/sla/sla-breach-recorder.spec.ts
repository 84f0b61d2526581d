import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, type JsonObject } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { SlaBreachRecorder } from './sla-breach-recorder';
import { slaBreachEventId, type SlaTimerPayload } from './sla-timers';

const OPENED_AT = '2030-01-01T10:00:00.000Z';
const FIRST_DUE = '2030-01-01T10:00:02.000Z';
const RESOLUTION_DUE = '2030-01-01T11:00:00.000Z';

describe('SlaBreachRecorder', () => {
  let dir: string;
  let store: EventStore;
  let ticketCount = 0;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-sla-recorder-'));
    store = SqliteEventStore.open({ directory: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = (iso: string) => () => new Date(iso);
  const event = (type: string, data: JsonObject, occurredAt: string, recordedAt = occurredAt) => ({
    eventId: `${type}-${(ticketCount += 1)}-${Math.random()}`.replace(/\W/g, ''),
    type,
    data,
    metadata: { occurredAt, recordedAt },
  });

  async function givenTicket(ticketId: string, recordedAt = OPENED_AT, ...later: string[]) {
    const ref = { ticketId, contactId: 'C-1' };
    const opened = event(
      'TicketOpened',
      {
        ...ref,
        subject: 'x',
        priority: 'urgent',
        channel: 'email',
        firstResponseDueAt: FIRST_DUE,
        resolutionDueAt: RESOLUTION_DUE,
      },
      OPENED_AT,
      recordedAt,
    );
    const rest = later.map((spec) => {
      const [type, occurredAt] = spec.split('@') as [string, string];
      return event(type, { ...ref, agentId: 'A-1', resolution: 'done' }, occurredAt);
    });
    await store.append(`ticket-${ticketId}`, [opened, ...rest], 'no_stream');
  }

  const timer = (ticketId: string, target: SlaTimerPayload['target'] = 'first_response') => ({
    ticketId,
    target,
    dueAt: target === 'first_response' ? FIRST_DUE : RESOLUTION_DUE,
  });
  const breaches = async (ticketId: string) =>
    (await store.readStream(`ticket-${ticketId}`)).filter((e) => e.type === 'SlaBreached');

  it('records one breach when four deliveries race, with its deterministic id', async () => {
    await givenTicket('T-1');
    const recorders = [1, 2].map(() => new SlaBreachRecorder(store, at('2030-01-01T10:00:03Z')));
    const outcomes = await Promise.all(
      [...recorders, ...recorders].map((recorder) => recorder.fire(timer('T-1'))),
    );
    expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
    const [breach, ...others] = await breaches('T-1');
    expect(others).toHaveLength(0);
    expect(breach).toMatchObject({
      eventId: slaBreachEventId('T-1', 'first_response', FIRST_DUE),
      data: { ticketId: 'T-1', contactId: 'C-1', target: 'first_response', dueAt: FIRST_DUE },
      metadata: { occurredAt: FIRST_DUE, recordedAt: '2030-01-01T10:00:03.000Z' },
    });
  });

  it('records nothing for a target met in time', async () => {
    await givenTicket('T-2', OPENED_AT, `TicketResponded@2030-01-01T10:00:01.000Z`);
    const recorder = new SlaBreachRecorder(store, at('2030-01-01T10:00:05Z'));
    expect(await recorder.fire(timer('T-2'))).toBe('not-breached');
    expect(await breaches('T-2')).toHaveLength(0);
  });

  it('gives no alert for a ticket recorded after its due time (an import)', async () => {
    await givenTicket('T-3', '2030-01-02T00:00:00.000Z');
    const recorder = new SlaBreachRecorder(store, at('2030-01-02T00:00:01Z'));
    expect(await recorder.fire(timer('T-3'))).toBe('not-live');
  });

  it('breaches the resolution of a ticket reopened after its due time', async () => {
    await givenTicket(
      'T-4',
      OPENED_AT,
      'TicketResolved@2030-01-01T10:30:00.000Z',
      'TicketReopened@2030-01-01T12:00:00.000Z',
    );
    const recorder = new SlaBreachRecorder(store, at('2030-01-01T12:00:01Z'));
    expect(await recorder.fire(timer('T-4', 'resolution'))).toBe('recorded');
  });

  it('refuses to judge a timer delivered long before its due time, so it is retried', async () => {
    await givenTicket('T-5');
    const recorder = new SlaBreachRecorder(store, at('2030-01-01T09:00:00Z'));
    await expect(recorder.fire(timer('T-5'))).rejects.toThrow(/early/);
  });
});
