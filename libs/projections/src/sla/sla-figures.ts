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
