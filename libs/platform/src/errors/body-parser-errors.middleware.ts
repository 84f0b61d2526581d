import { ChronicleError } from './chronicle-error';
import { isBodyParserError, toErrorResponse } from './error-response';
import { isChronicleErrorCode } from './status-by-code';

/**
 * express error middleware, to mount right after the body parsers. Nest turns a raw
 * body-parser error into a bare HttpException, losing whether the JSON was malformed or too
 * large; this hands the exception filter a ChronicleError with that knowledge instead.
 */
export function translateBodyParserErrors(
  error: unknown,
  _request: unknown,
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  if (!isBodyParserError(error)) return next(error);
  const { body } = toErrorResponse(error);
  next(
    isChronicleErrorCode(body.code)
      ? new ChronicleError(body.code, body.message, body.details, { cause: error })
      : error,
  );
}
