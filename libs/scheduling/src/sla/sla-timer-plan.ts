import { SLA_TARGETS, type SlaTarget } from '@chronicle/domain';
import type { RecordedEvent } from '@chronicle/event-store';
import { dueTimesOf, isLiveTarget, slaTimerId, type SlaTimerPayload } from './sla-timers';

/** One change to the SLA timers: arm a target's timer, or drop it. */
export type TimerChange =
  | { kind: 'schedule'; timerId: string; dueAt: Date; payload: SlaTimerPayload }
  | { kind: 'cancel'; timerId: string };

/** The ticket's opening, for events (a reopening) whose own data lacks the due times. */
export type OpeningLookup = (ticketId: string) => Promise<RecordedEvent | undefined>;

/**
 * The timer changes one ticket event implies: an opening arms both targets (unless they were
 * already due when it was recorded), a first response drops the first-response timer, a resolution
 * the resolution timer, a close both; a reopening arms the resolution timer again at the due time
 * fixed at opening. Other events change nothing.
 */
export async function timerChangesFor(
  event: RecordedEvent,
  openingOf: OpeningLookup,
): Promise<TimerChange[]> {
  const ticketId = event.data.ticketId;
  if (typeof ticketId !== 'string') return [];
  switch (event.type) {
    case 'TicketOpened':
      return SLA_TARGETS.flatMap((target) => arm(event, ticketId, target));
    case 'TicketResponded':
      return [cancel(ticketId, 'first_response')];
    case 'TicketResolved':
      return [cancel(ticketId, 'resolution')];
    case 'TicketClosed':
      return SLA_TARGETS.map((target) => cancel(ticketId, target));
    case 'TicketReopened': {
      const opened = await openingOf(ticketId);
      return opened ? arm(opened, ticketId, 'resolution') : [];
    }
    default:
      return [];
  }
}

function arm(opened: RecordedEvent, ticketId: string, target: SlaTarget): TimerChange[] {
  const dueAt = dueTimesOf(opened)?.[target];
  if (dueAt === undefined || !isLiveTarget(opened, dueAt)) return [];
  return [
    {
      kind: 'schedule',
      timerId: slaTimerId(ticketId, target),
      dueAt: new Date(dueAt),
      payload: { ticketId, target, dueAt },
    },
  ];
}

function cancel(ticketId: string, target: SlaTarget): TimerChange {
  return { kind: 'cancel', timerId: slaTimerId(ticketId, target) };
}

/**
 * The net effect of a batch's changes in order: the last change of each timer wins, so a replay
 * after a flush does not arm, then drop, the timers of every ticket closed long ago.
 */
export function netChanges(changes: readonly TimerChange[]): TimerChange[] {
  const last = new Map<string, TimerChange>();
  for (const change of changes) {
    last.delete(change.timerId);
    last.set(change.timerId, change);
  }
  return [...last.values()];
}
