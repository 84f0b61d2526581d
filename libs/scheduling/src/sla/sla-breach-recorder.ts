import { decideSlaBreach, ticketStreamId } from '@chronicle/domain';
import {
  EventIdConflictError,
  type EventStore,
  type JsonObject,
  WrongExpectedRevisionError,
} from '@chronicle/event-store';
import {
  isLiveTarget,
  slaBreachCommandId,
  slaBreachEventId,
  type SlaTimerPayload,
} from './sla-timers';
import { loadTicket } from './ticket-snapshot';

/** What a fired SLA timer did. */
export type BreachOutcome = 'recorded' | 'already-recorded' | 'not-breached' | 'not-live';

/** The actor of every SlaBreached: the timers, not a caller. */
export const SLA_TIMER_ACTOR = { id: 'system:sla-timers', roles: [] as string[] };

// A timer delivered a little before its due time (clocks of two hosts) waits for it up to this.
const MAX_EARLY_WAIT_MS = 2000;

/**
 * The handler of a fired SLA timer: loads the ticket, lets the domain decide, and appends
 * SlaBreached with a deterministic event id at the revision it decided on. Two deliveries or two
 * workers racing record the breach once: the loser either meets the id already stored or a moved
 * revision, on which it reloads and the domain sees the breach already there.
 */
export class SlaBreachRecorder {
  constructor(
    private readonly eventStore: EventStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly maxAttempts = 10,
  ) {}

  async fire(timer: SlaTimerPayload): Promise<BreachOutcome> {
    await this.waitUntilDue(timer.dueAt);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(timer);
      } catch (error) {
        if (error instanceof EventIdConflictError) return 'already-recorded';
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= this.maxAttempts) {
          throw error;
        }
      }
    }
  }

  private async attempt({ ticketId, target }: SlaTimerPayload): Promise<BreachOutcome> {
    const ticket = await loadTicket(this.eventStore, ticketId);
    if (ticket.state.status === 'none' || !ticket.opened) return 'not-breached';
    const dueAt =
      target === 'first_response'
        ? ticket.state.opened.firstResponseDueAt
        : ticket.state.opened.resolutionDueAt;
    if (!isLiveTarget(ticket.opened, dueAt)) return 'not-live';
    const now = this.clock().toISOString();
    if (Date.parse(now) < Date.parse(dueAt)) throw firedEarly(dueAt, now);
    const [breach] = decideSlaBreach(ticket.state, target, now);
    if (!breach) return 'not-breached';
    const commandId = slaBreachCommandId(ticketId, target, dueAt);
    const metadata: JsonObject = {
      commandId,
      correlationId: commandId,
      causationId: ticket.opened.eventId,
      actor: { ...SLA_TIMER_ACTOR, roles: [...SLA_TIMER_ACTOR.roles] },
      // The breach happened, in business time, when the target fell due; it is recorded now.
      occurredAt: dueAt,
      recordedAt: now,
      schemaVersion: 1,
    };
    const result = await this.eventStore.append(
      ticketStreamId(ticketId),
      [
        {
          eventId: slaBreachEventId(ticketId, target, dueAt),
          type: breach.type,
          data: breach.data,
          metadata,
        },
      ],
      ticket.revision,
    );
    return result.written ? 'recorded' : 'already-recorded';
  }

  private async waitUntilDue(dueAt: string): Promise<void> {
    const early = Date.parse(dueAt) - this.clock().getTime();
    if (early <= 0) return;
    if (early > MAX_EARLY_WAIT_MS) throw firedEarly(dueAt, this.clock().toISOString());
    await new Promise((resolve) => setTimeout(resolve, early));
  }
}

// Thrown so the scheduler delivers the timer again later, never judged before it is due.
function firedEarly(dueAt: string, now: string): Error {
  return new Error(`SLA timer due at ${dueAt} fired early (now ${now}); retrying`);
}
