import { validationFailed } from '@chronicle/platform';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

export interface StreamAuditQuery {
  /** First revision to list, inclusive. */
  from: number;
  limit: number;
}

const NON_NEGATIVE_INTEGER = /^(?:0|[1-9][0-9]*)$/;
const KNOWN_PARAMETERS = new Set(['from', 'limit']);

/** `?from=<revision>&limit=` of GET /audit/streams/:streamId; anything else is a 400. */
export function parseStreamAuditQuery(query: Record<string, unknown>): StreamAuditQuery {
  const problems = Object.keys(query)
    .filter((name) => !KNOWN_PARAMETERS.has(name))
    .map((field) => ({ field, problems: [`${field} is not a query parameter of this route`] }));
  const from = integerParameter(query, 'from', 0, Number.MAX_SAFE_INTEGER, problems) ?? 0;
  const limit =
    integerParameter(query, 'limit', 1, MAX_AUDIT_LIMIT, problems) ?? DEFAULT_AUDIT_LIMIT;
  if (problems.length > 0) throw validationFailed(problems, 'Invalid query');
  return { from, limit };
}

function integerParameter(
  query: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  problems: Array<{ field: string; problems: string[] }>,
): number | undefined {
  const raw = query[field];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && NON_NEGATIVE_INTEGER.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
  problems.push({ field, problems: [`${field} must be an integer from ${min} to ${max}`] });
  return undefined;
}
