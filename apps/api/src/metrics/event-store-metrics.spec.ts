import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventToAppend } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import type { Counter, Histogram } from 'prom-client';
import { ChronicleMetrics } from './chronicle-metrics';
import { observeEventStore } from './event-store-metrics';

const event = (eventId: string, type: string, data = {}): EventToAppend => ({
  eventId,
  type,
  data,
  metadata: {},
});

async function valueOf(counter: Counter<string>, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  const match = values.find((value) =>
    Object.entries(labels).every(([name, wanted]) => value.labels[name] === wanted),
  );
  return match?.value ?? 0;
}

async function countOf(histogram: Histogram<string>, outcome: string): Promise<number> {
  const { values } = await histogram.get();
  const count = values.find(
    (value) => value.metricName?.endsWith('_count') && value.labels.outcome === outcome,
  );
  return count?.value ?? 0;
}

describe('observeEventStore', () => {
  let directory: string;
  let store: SqliteEventStore;
  let metrics: ChronicleMetrics;
  let detach: () => void;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-metrics-'));
    store = SqliteEventStore.open({ directory });
    metrics = new ChronicleMetrics();
    detach = observeEventStore(store, metrics);
  });

  afterEach(async () => {
    detach();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('counts written events by type and SLA breaches by target, and times the append', async () => {
    await store.append(
      'ticket-T-1',
      [
        event('e-1', 'TicketOpened'),
        event('e-2', 'SlaBreached', { ticketId: 'T-1', target: 'first_response' }),
      ],
      'no_stream',
    );

    expect(await valueOf(metrics.eventsAppended, { type: 'TicketOpened' })).toBe(1);
    expect(await valueOf(metrics.eventsAppended, { type: 'SlaBreached' })).toBe(1);
    expect(await valueOf(metrics.slaBreaches, { target: 'first_response' })).toBe(1);
    expect(await countOf(metrics.appendDuration, 'written')).toBe(1);
    const size = (await metrics.appendSize.get()).values;
    expect(size.find((value) => value.metricName?.endsWith('_sum'))?.value).toBe(2);
  });

  it('counts nothing for a retried append the store already holds', async () => {
    const events = [event('e-1', 'TicketOpened')];
    await store.append('ticket-T-1', events, 'no_stream');
    await store.append('ticket-T-1', events, 'no_stream');

    expect(await valueOf(metrics.eventsAppended, { type: 'TicketOpened' })).toBe(1);
    expect(await countOf(metrics.appendDuration, 'unchanged')).toBe(1);
  });

  it('labels a refused append with the error code and still refuses it', async () => {
    await store.append('ticket-T-1', [event('e-1', 'TicketOpened')], 'no_stream');

    await expect(
      store.append('ticket-T-1', [event('e-2', 'TicketClosed')], 'no_stream'),
    ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION' });
    expect(await countOf(metrics.appendDuration, 'WRONG_EXPECTED_REVISION')).toBe(1);
    expect(await valueOf(metrics.eventsAppended, { type: 'TicketClosed' })).toBe(0);
    expect((await metrics.appendsInFlight.get()).values[0]?.value).toBe(0);
  });

  it('stops observing once detached', async () => {
    detach();
    await store.append('ticket-T-1', [event('e-1', 'TicketOpened')], 'no_stream');

    expect(await valueOf(metrics.eventsAppended, { type: 'TicketOpened' })).toBe(0);
    expect(Object.prototype.hasOwnProperty.call(store, 'append')).toBe(false);
  });
});
