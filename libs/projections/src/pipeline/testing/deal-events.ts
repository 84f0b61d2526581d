import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import { recordedEvents } from '../../shared/testing/recorded-event';

/** Business time `days` after the tests' origin, 2024-03-04T09:00:00.000Z. */
export function daysAfterOrigin(days: number): string {
  return new Date(Date.parse('2024-03-04T09:00:00.000Z') + days * 86_400_000).toISOString();
}

/**
 * Writes deal histories the way the domain would, with business times in days after the origin;
 * events come out with positions 1, 2, 3… in call order.
 */
export function dealHistory(): {
  event(type: string, dealId: string, day: number, data?: JsonObject): void;
  events: RecordedEvent[];
} {
  const factory = recordedEvents();
  const events: RecordedEvent[] = [];
  return {
    event(type, dealId, day, data = {}) {
      events.push(factory.event({ type, data: { dealId, ...data }, at: daysAfterOrigin(day) }));
    },
    events,
  };
}
