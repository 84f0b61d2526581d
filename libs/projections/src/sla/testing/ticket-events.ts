import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import { recordedEvents } from '../../shared/testing/recorded-event';

/** Business time `hours` after the tests' origin, 2024-03-04T09:00:00.000Z. */
export function hoursAfterOrigin(hours: number): string {
  return new Date(Date.parse('2024-03-04T09:00:00.000Z') + hours * 3_600_000).toISOString();
}

interface Opening {
  priority: string;
  teamId?: string;
  /** Hours after opening when the first response is due (the domain fixes it at opening). */
  firstResponseHours: number;
  resolutionHours: number;
}

/**
 * Writes ticket histories the way the domain would, with business times in hours after the
 * origin; events come out with positions 1, 2, 3… in call order.
 */
export function ticketHistory(): {
  opened(ticketId: string, hour: number, opening: Opening): void;
  event(type: string, ticketId: string, hour: number, data?: JsonObject): void;
  events: RecordedEvent[];
} {
  const factory = recordedEvents();
  const events: RecordedEvent[] = [];
  const event = (type: string, ticketId: string, hour: number, data: JsonObject = {}): void => {
    events.push(
      factory.event({
        type,
        data: { ticketId, contactId: `contact-of-${ticketId}`, ...data },
        at: hoursAfterOrigin(hour),
      }),
    );
  };
  return {
    opened(ticketId, hour, { priority, teamId, firstResponseHours, resolutionHours }) {
      event('TicketOpened', ticketId, hour, {
        subject: 'enc:v1:sealed-subject',
        priority,
        channel: 'email',
        ...(teamId !== undefined && { teamId }),
        firstResponseDueAt: hoursAfterOrigin(hour + firstResponseHours),
        resolutionDueAt: hoursAfterOrigin(hour + resolutionHours),
      });
    },
    event,
    events,
  };
}
