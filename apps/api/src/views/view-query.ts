import { ChronicleError } from '@chronicle/platform';

/** The query parameters every view takes (CONTRACT §3). */
export interface ViewWindow {
  /** Inclusive lower bound of business time, ISO-8601; absent = unbounded. */
  from?: string;
  /** Exclusive upper bound of business time, ISO-8601; absent = unbounded. */
  to?: string;
  /** Read-your-writes: wait until the view's projections have reached this position. */
  minPosition?: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function invalid(field: string, problem: string): ChronicleError {
  return new ChronicleError('VALIDATION_FAILED', `Invalid query parameter ${field}`, [
    { field, problems: [problem] },
  ]);
}

/** Normalises a business-time bound to a UTC ISO string, so it compares with stored times. */
function parseTime(field: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid(field, `${field} must be an ISO-8601 date or date-time`);
  }
  return new Date(value).toISOString();
}

export function parsePositionParameter(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,30}$/.test(value)) {
    throw invalid('minPosition', 'minPosition must be a decimal position');
  }
  return value;
}

/** Reads `from`, `to` and `minPosition`; a bad value is a 400 naming the parameter. */
export function parseViewWindow(query: Record<string, unknown>): ViewWindow {
  const window: ViewWindow = {
    from: parseTime('from', query.from),
    to: parseTime('to', query.to),
    minPosition: parsePositionParameter(query.minPosition),
  };
  if (window.from && window.to && window.from > window.to) {
    throw invalid('to', 'to must not be earlier than from');
  }
  return window;
}

/** An optional free-text filter parameter (ids, names): a single string of sane length. */
export function parseFilterParameter(field: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200)
    throw invalid(field, `${field} must be one value`);
  return value;
}
