/** What a check found wrong with the log (docs/audit.md, "Verifying"). */
export type ProblemKind = 'edited' | 'missing' | 'truncated' | 'gap' | 'checkpoint';

export interface IntegrityProblem {
  kind: ProblemKind;
  streamId?: string;
  revision?: number;
  position?: string;
  /** One sentence for a person. */
  detail: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** Events read from the log. */
  events: number;
  /** Position of the last event read; '0' for an empty log. */
  head: string;
  /** In log order; at most {@link MAX_PROBLEMS}, `problemCount` counts them all. */
  problems: IntegrityProblem[];
  problemCount: number;
  /** The checkpoint the log was held to, when there was one. */
  checkpoint?: { treeSize: number; rootHash: string; position: string; keyId: string };
}

export const MAX_PROBLEMS = 1000;

/** Problems in log order: by position, those without one (found by their stream) after. */
export function inLogOrder(problems: readonly IntegrityProblem[]): IntegrityProblem[] {
  const key = (problem: IntegrityProblem) =>
    problem.position === undefined ? undefined : BigInt(problem.position);
  return [...problems].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** "edited event at position 12 (stream contact-C-1, revision 3): …" */
export function describeProblem(problem: IntegrityProblem): string {
  const where = [
    problem.position !== undefined && `position ${problem.position}`,
    problem.streamId !== undefined && `stream ${problem.streamId}`,
    problem.revision !== undefined && `revision ${problem.revision}`,
  ].filter(Boolean);
  return `${problem.kind}${where.length > 0 ? ` at ${where.join(', ')}` : ''}: ${problem.detail}`;
}
