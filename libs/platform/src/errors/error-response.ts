import { HttpException, HttpStatus } from '@nestjs/common';
import { type ChronicleErrorCode, type FieldProblem } from './chronicle-error';
import { CODE_ALIASES, isChronicleErrorCode, STATUS_BY_CODE } from './status-by-code';

/** The JSON body of every error answer (docs/api.md). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** What the filter sends, and what it should log: `error` with the stack, `warn` as one line. */
export interface ErrorResponse {
  body: ErrorBody;
  log?: { level: 'error' | 'warn'; message: string; stack?: string };
}

const CODE_BY_HTTP_STATUS: Readonly<Record<number, ChronicleErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Maps anything thrown while serving a request to its error answer. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  return fromCodedError(exception) ?? fromHttpException(exception) ?? internalError(exception);
}

/** Duck-typed on a string `code`, so the domain and the event store need not know this library. */
function fromCodedError(exception: unknown): ErrorResponse | undefined {
  if (!(exception instanceof Error) || !('code' in exception)) return undefined;
  const raw = exception.code;
  if (typeof raw !== 'string') return undefined;
  const code = CODE_ALIASES[raw] ?? raw;
  if (!isChronicleErrorCode(code) || code === 'INTERNAL') return undefined;
  if (raw === 'EVENT_STORE_UNAVAILABLE') {
    // The adapter's message may name hosts or paths; callers only need to know to retry.
    return {
      body: answer(code, 'The event store cannot be reached; nothing was written. Retry later.'),
      log: { level: 'warn', message: exception.message },
    };
  }
  if (raw === 'APPEND_OUTCOME_UNKNOWN') {
    return {
      body: answer(
        code,
        'The event store did not confirm the append: the command may have been stored. ' +
          'Retrying it with the same Idempotency-Key is safe; a stored command is answered, not applied twice.',
      ),
      log: { level: 'warn', message: exception.message },
    };
  }
  const details = 'details' in exception ? exception.details : undefined;
  return { body: answer(code, exception.message, details) };
}

function fromHttpException(exception: unknown): ErrorResponse | undefined {
  if (!(exception instanceof HttpException)) return undefined;
  const status = exception.getStatus();
  if (status >= 500 && status !== 503) return undefined;
  const response = exception.getResponse();
  const messages =
    typeof response === 'object' && Array.isArray((response as { message?: unknown }).message)
      ? (response as { message: unknown[] }).message.map(String)
      : undefined;
  return fromStatus(status, messages?.join('; ') ?? exception.message, messages);
}

function fromStatus(status: number, message: string, problems?: string[]): ErrorResponse {
  const code = CODE_BY_HTTP_STATUS[status];
  if (code === 'VALIDATION_FAILED') {
    const details: FieldProblem[] = [{ field: 'request', problems: problems ?? [message] }];
    return { body: answer(code, message, details) };
  }
  if (code) return { body: answer(code, message) };
  // Statuses the contract does not name (405, 415, …) keep Nest's status and get its name as code.
  const name = (HttpStatus as unknown as Record<number, string | undefined>)[status];
  return { body: { statusCode: status, code: name ?? `HTTP_${status}`, message } };
}

function internalError(exception: unknown): ErrorResponse {
  const error = exception instanceof Error ? exception : new Error(String(exception));
  return {
    body: answer('INTERNAL', 'Internal server error'),
    log: { level: 'error', message: error.message, stack: error.stack },
  };
}

function answer(code: ChronicleErrorCode, message: string, details?: unknown): ErrorBody {
  const body: ErrorBody = { statusCode: STATUS_BY_CODE[code], code, message };
  if (details !== undefined) body.details = details;
  return body;
}
