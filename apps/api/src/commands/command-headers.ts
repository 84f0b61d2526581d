import { parseIfMatch, validateIdempotencyKey } from '@chronicle/application';
import { validationFailed } from '@chronicle/platform';

type HeaderValue = string | string[] | undefined;

/** The Idempotency-Key header, or 400 naming it when it breaks its format (docs/api.md). */
export function idempotencyKeyOf(header: HeaderValue): string | undefined {
  const value = single('Idempotency-Key', header);
  if (value === undefined || validateIdempotencyKey(value)) return value;
  throw invalidHeader(
    'Idempotency-Key',
    'must be 1–100 characters of A-Z a-z 0-9 _ . - and not all digits',
  );
}

/** The revision an If-Match header pins, or 400 naming it when it is not a bare integer. */
export function expectedRevisionOf(header: HeaderValue): number | undefined {
  const value = single('If-Match', header);
  if (value === undefined) return undefined;
  const revision = parseIfMatch(value.trim());
  if (revision !== undefined) return revision;
  throw invalidHeader('If-Match', 'must be a bare non-negative integer revision, e.g. If-Match: 3');
}

// Node joins most repeated headers with ", ", which no valid value contains; arrays are refused too.
function single(name: string, header: HeaderValue): string | undefined {
  if (Array.isArray(header)) throw invalidHeader(name, 'must be sent once');
  return header;
}

function invalidHeader(field: string, problem: string) {
  return validationFailed(
    [{ field, problems: [`${field} ${problem}`] }],
    `Invalid ${field} header`,
  );
}
