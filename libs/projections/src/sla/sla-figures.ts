import { nearestRank, nearestRankMedian } from '../shared/percentiles';
import { secondsBetween } from '../shared/event-fields';
import { slaTargetStatus } from './sla-target-status';
import type { TicketDocument } from './ticket-document';

/** One SLA target over a set of tickets; the durations cover done targets only. */
export interface SlaTargetFigures {
  met: number;
  breached: number;
  pending: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** The figures of `GET /views/service-sla`, for the whole cohort or one of its groups. */
export interface SlaFigures {
  tickets: number;
  open: number;
  firstResponse: SlaTargetFigures;
  resolution: SlaTargetFigures;
  satisfaction: { responses: number; average: number | null };
}

class TargetTally {
  private met = 0;
  private breached = 0;
  private pending = 0;
  private readonly durations: number[] = [];

  add(openedAt: string, dueAt: string, doneAt: string | null, now: Date): void {
    this[slaTargetStatus(dueAt, doneAt, now)] += 1;
    if (doneAt !== null) this.durations.push(secondsBetween(openedAt, doneAt));
  }

  figures(): SlaTargetFigures {
    return {
      met: this.met,
      breached: this.breached,
      pending: this.pending,
      medianSeconds: nearestRankMedian(this.durations),
      p90Seconds: nearestRank(this.durations, 90),
    };
  }
}

/** Accumulates tickets one at a time (a single pass over the cohort) into SlaFigures. */
export class SlaTally {
  private tickets = 0;
  private open = 0;
  private readonly firstResponse = new TargetTally();
  private readonly resolution = new TargetTally();
  private scores = 0;
  private scoreSum = 0;

  add(ticket: TicketDocument, now: Date): void {
    this.tickets += 1;
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') this.open += 1;
    const { openedAt } = ticket;
    this.firstResponse.add(openedAt, ticket.firstResponseDueAt, ticket.firstResponseAt, now);
    this.resolution.add(openedAt, ticket.resolutionDueAt, ticket.resolvedAt, now);
    if (ticket.satisfactionScore !== null) {
      this.scores += 1;
      this.scoreSum += ticket.satisfactionScore;
    }
  }

  figures(): SlaFigures {
    return {
      tickets: this.tickets,
      open: this.open,
      firstResponse: this.firstResponse.figures(),
      resolution: this.resolution.figures(),
      satisfaction: {
        responses: this.scores,
        average: this.scores === 0 ? null : this.scoreSum / this.scores,
      },
    };
  }
}
