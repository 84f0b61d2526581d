import type { AppendResult, EventStore } from '@chronicle/event-store';
import type { ChronicleMetrics } from './chronicle-metrics';
import { errorOutcome, secondsSince } from './outcome';
import { wrapMethod } from './wrap-method';

const SLA_BREACHED = 'SlaBreached';
const SLA_TARGETS = new Set(['first_response', 'resolution']);

/**
 * Times every append of `eventStore` and counts what it wrote, by event type; SLA breaches are
 * counted from the `SlaBreached` events the timers append, whichever process fired them. Answers
 * the function that stops observing.
 */
export function observeEventStore(eventStore: EventStore, metrics: ChronicleMetrics): () => void {
  return wrapMethod(eventStore, 'append', (append) => async (streamId, events, expected) => {
    const started = performance.now();
    metrics.appendsInFlight.inc();
    try {
      const result = await append(streamId, events, expected);
      metrics.appendDuration.observe(
        { outcome: result.written ? 'written' : 'unchanged' },
        secondsSince(started),
      );
      if (result.written) countWritten(result, metrics);
      return result;
    } catch (error) {
      metrics.appendDuration.observe({ outcome: errorOutcome(error) }, secondsSince(started));
      throw error;
    } finally {
      metrics.appendsInFlight.dec();
      metrics.appendSize.observe(events.length);
    }
  });
}

function countWritten(result: AppendResult, metrics: ChronicleMetrics): void {
  for (const event of result.events) {
    metrics.eventsAppended.inc({ type: event.type });
    if (event.type !== SLA_BREACHED) continue;
    const target = event.data.target;
    const known = typeof target === 'string' && SLA_TARGETS.has(target);
    metrics.slaBreaches.inc({ target: known ? target : 'other' });
  }
}
