import { type FieldProblem, validationFailed } from '@chronicle/platform';
import { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT } from './audit-query';

/** `?after=<position>&limit=&minPosition=` of a customer's history (events and export). */
export interface CustomerEventsQuery {
  /** Exclusive: events after this global position. */
  after?: string;
  limit: number;
  minPosition?: string;
}

/** `?atPosition=` (inclusive) or `?asOf=` (store time), plus `minPosition`, of the as-of state. */
export interface CustomerStateQuery {
  atPosition?: string;
  asOf?: string;
  minPosition?: string;
}

const POSITION = /^(?:0|[1-9][0-9]{0,29})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Parses the events/export query; unknown or malformed parameters are one 400 listing each. */
export function parseCustomerEventsQuery(
  query: Record<string, unknown>,
  known: readonly string[] = ['after', 'limit', 'minPosition'],
): CustomerEventsQuery {
  const problems = unknownParameters(query, known);
  const after = positionParameter(query, 'after', problems);
  const minPosition = positionParameter(query, 'minPosition', problems);
  const limit = limitParameter(query, problems);
  if (problems.length > 0) throw validationFailed(problems, 'Invalid query');
  return { after, limit, minPosition };
}

/** Parses the state query: at most one of `atPosition` and `asOf`; neither means "now". */
export function parseCustomerStateQuery(query: Record<string, unknown>): CustomerStateQuery {
  const problems = unknownParameters(query, ['atPosition', 'asOf', 'minPosition']);
  const atPosition = positionParameter(query, 'atPosition', problems);
  const minPosition = positionParameter(query, 'minPosition', problems);
  const asOf = timeParameter(query, 'asOf', problems);
  if (atPosition !== undefined && asOf !== undefined) {
    problems.push({ field: 'asOf', problems: ['give either atPosition or asOf, not both'] });
  }
  if (problems.length > 0) throw validationFailed(problems, 'Invalid query');
  return { atPosition, asOf, minPosition };
}

/** Parses a query that takes only `minPosition` (verify). */
export function parseMinPositionQuery(query: Record<string, unknown>): { minPosition?: string } {
  const problems = unknownParameters(query, ['minPosition']);
  const minPosition = positionParameter(query, 'minPosition', problems);
  if (problems.length > 0) throw validationFailed(problems, 'Invalid query');
  return { minPosition };
}

function unknownParameters(
  query: Record<string, unknown>,
  known: readonly string[],
): FieldProblem[] {
  return Object.keys(query)
    .filter((name) => !known.includes(name))
    .map((field) => ({ field, problems: [`${field} is not a query parameter of this route`] }));
}

function positionParameter(
  query: Record<string, unknown>,
  field: string,
  problems: FieldProblem[],
): string | undefined {
  const raw = query[field];
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && POSITION.test(raw)) return raw;
  problems.push({ field, problems: [`${field} must be a decimal position`] });
  return undefined;
}

function limitParameter(query: Record<string, unknown>, problems: FieldProblem[]): number {
  const raw = query.limit;
  if (raw === undefined) return DEFAULT_AUDIT_LIMIT;
  const value = typeof raw === 'string' && /^[1-9][0-9]*$/.test(raw) ? Number(raw) : NaN;
  if (value >= 1 && value <= MAX_AUDIT_LIMIT) return value;
  problems.push({
    field: 'limit',
    problems: [`limit must be an integer from 1 to ${MAX_AUDIT_LIMIT}`],
  });
  return DEFAULT_AUDIT_LIMIT;
}

// Normalised to UTC ISO, so it compares as a string with the store's `storedAt`.
function timeParameter(
  query: Record<string, unknown>,
  field: string,
  problems: FieldProblem[],
): string | undefined {
  const raw = query[field];
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && ISO_DATE_TIME.test(raw) && !Number.isNaN(Date.parse(raw))) {
    return new Date(raw).toISOString();
  }
  problems.push({ field, problems: [`${field} must be an ISO-8601 date-time`] });
  return undefined;
}
