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
  if (isBodyParserError(error)) {
    const { body } = toErrorResponse(error);
    next(
      isChronicleErrorCode(body.code)
        ? new ChronicleError(body.code, body.message, body.details, { cause: error })
        : error,
    );
  } else if (isUnreadableBody(error)) {
    const problem = { field: 'body', problems: [`it could not be decompressed: ${error.message}`] };
    next(
      new ChronicleError('VALIDATION_FAILED', 'The request body is corrupt', [problem], {
        cause: error,
      }),
    );
  } else {
    next(error);
  }
}

/**
 * A stream error the body parser passed on with a client status but no type of its own: a
 * gzip, deflate or brotli body that does not inflate (zlib's error codes), never our fault.
 */
function isUnreadableBody(error: unknown): error is Error {
  if (!(error instanceof Error) || !('code' in error)) return false;
  const status = (error as { status?: unknown }).status;
  const code = String(error.code);
  const fromZlib =
    code.startsWith('Z_') || code.startsWith('ERR__ERROR') || code.startsWith('ERR_BROTLI');
  return typeof status === 'number' && status >= 400 && status < 500 && fromZlib;
}
