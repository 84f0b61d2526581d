/** Where one SLA target (first response or resolution) of one ticket stands. */
export type SlaTargetStatus = 'met' | 'breached' | 'pending';

/**
 * From business times alone (docs/views-*.md): met when done at or before due; breached when done
 * after due, or not done and `now` is past due; pending when not done and not yet past due
 * (due exactly now is still pending). SlaBreached events play no part.
 */
export function slaTargetStatus(dueAt: string, doneAt: string | null, now: Date): SlaTargetStatus {
  const due = Date.parse(dueAt);
  if (doneAt !== null) return Date.parse(doneAt) <= due ? 'met' : 'breached';
  return now.getTime() > due ? 'breached' : 'pending';
}
