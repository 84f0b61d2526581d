import { deriveEventId } from '@chronicle/application';
import { type SlaTarget, SLA_TARGETS, ticketStreamId } from '@chronicle/domain';
import type { RecordedEvent } from '@chronicle/event-store';
import type { TimerPayload } from '../timer-scheduler.port';

/** What an SLA timer carries: enough to find the ticket and name the target and its due time. */
export interface SlaTimerPayload extends TimerPayload {
  ticketId: string;
  target: SlaTarget;
  dueAt: string;
}

/**
 * The timer id of one target of one ticket: one timer per target, ever, so scheduling it again
 * (a reconciliation, a reopening) is idempotent. Ticket ids may hold `:`, which BullMQ job ids
 * may not; `~` never occurs in an id, so the mapping stays one-to-one.
 */
export function slaTimerId(ticketId: string, target: SlaTarget): string {
  return `sla.${target}.${ticketId.replaceAll(':', '~')}`;
}

/** The payload back from a timer, or undefined when it is not an SLA timer's. */
export function slaTimerPayload(payload: TimerPayload): SlaTimerPayload | undefined {
  const { ticketId, target, dueAt } = payload;
  if (typeof ticketId !== 'string' || typeof dueAt !== 'string') return undefined;
  if (!SLA_TARGETS.includes(target as SlaTarget)) return undefined;
  return { ticketId, target: target as SlaTarget, dueAt };
}

/** The due time of each target, as TicketOpened fixed it. */
export function dueTimesOf(opened: RecordedEvent): Record<SlaTarget, string> | undefined {
  const { firstResponseDueAt, resolutionDueAt } = opened.data;
  if (typeof firstResponseDueAt !== 'string' || typeof resolutionDueAt !== 'string') {
    return undefined;
  }
  return { first_response: firstResponseDueAt, resolution: resolutionDueAt };
}

/**
 * Whether a target gets a live timer at all: only when the ticket was recorded before the target
 * fell due. A ticket imported after its due time (history) has its SLA status in the views, but
 * no alert: a breach recorded years late would alert nobody.
 */
export function isLiveTarget(opened: RecordedEvent, dueAt: string): boolean {
  return Date.parse(recordedAtOf(opened)) < Date.parse(dueAt);
}

function recordedAtOf(event: RecordedEvent): string {
  const { recordedAt } = event.metadata;
  return typeof recordedAt === 'string' ? recordedAt : event.storedAt;
}

/**
 * The command id under which the timer records a breach: `:` keeps it apart from every
 * Idempotency-Key (which may not hold one), so the pipeline never mistakes it for a client's.
 */
export function slaBreachCommandId(ticketId: string, target: SlaTarget, dueAt: string): string {
  return `sla:${target}:${dueAt}:${ticketId}`;
}

/**
 * The event id of the breach of `target` due at `dueAt`, derived as the pipeline derives its
 * own: the same for every worker and every delivery, so the event store recognises a second
 * append of the same breach.
 */
export function slaBreachEventId(ticketId: string, target: SlaTarget, dueAt: string): string {
  const commandId = slaBreachCommandId(ticketId, target, dueAt);
  return deriveEventId(commandId, ticketStreamId(ticketId), 0);
}
