import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { STATUS_BY_CODE } from '@chronicle/platform';

/** One entry of a 400 `VALIDATION_FAILED` answer's `details`. */
export class FieldProblem {
  @ApiProperty({
    description:
      'The field: a query parameter, a dotted body path (`items.0.sku`), a header, `body` or `path`',
    example: 'from',
  })
  field!: string;

  @ApiProperty({
    type: [String],
    example: [
      'from must be a real calendar date (YYYY-MM-DD) or a date-time with an offset (e.g. 2025-03-01T09:30:00Z)',
    ],
  })
  problems!: string[];
}

/** The body of every error answer (docs/api.md, "Errors"): `{ statusCode, code, message, details? }`. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', description: 'The HTTP status again', example: 400 })
  statusCode!: number;

  @ApiProperty({
    description: 'What went wrong, for programs to branch on',
    enum: Object.keys(STATUS_BY_CODE),
    enumName: 'ErrorCode',
    example: 'VALIDATION_FAILED',
  })
  code!: string;

  @ApiProperty({ description: 'What went wrong, for people', example: 'The request is not valid' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'VALIDATION_FAILED: one entry per field with its problems; CONCURRENCY_CONFLICT: `{ streamId, expectedRevision, actualRevision }`',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblem) } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: FieldProblem[] | Record<string, unknown>;
}

/** An error status the API answers with; each carries the error body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

const WHEN: Readonly<Record<ErrorStatus, string>> = {
  400: 'The request is not valid: a query parameter, header, path or body (details name each field)',
  401: 'No API key, or an unknown one',
  403: "The key lacks the route's role",
  404: 'Nothing of that id (no command of that type; for the proofs, no checkpoint yet or no such tree or event)',
  409: 'The target changed: If-Match differs from the stream revision, or the id exists with another body',
  413: 'The body is over the limit',
  415: 'The body is not JSON, or in an unsupported Content-Encoding',
  422: 'A rule refuses the request (a business rule of a command; a held delivery or a paused webhook on a retry), or the Idempotency-Key was used for another request',
  429: "Too many heavy reads (views, audit) at once for the caller's roles; retry after Retry-After seconds",
  500: 'An unexpected failure',
  503: 'A store cannot be read or written, or the view has not caught up yet; retry',
};

/** `ERROR_A`, `ERROR_B` for the codes answered with a status. */
function codesOf(status: number): string {
  const codes = Object.entries(STATUS_BY_CODE)
    .filter(([, answered]) => answered === status)
    .map(([code]) => `\`${code}\``);
  return codes.join(', ');
}

/**
 * Documents error answers of an operation (or of every operation of a controller), each with
 * the one error schema: `@ApiErrors(400, 401, 403, 503)`.
 */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBody, FieldProblem),
    ...statuses.map((status) => {
      const codes = codesOf(status);
      return ApiResponse({
        status,
        description: codes === '' ? WHEN[status] : `${WHEN[status]} (${codes})`,
        // Always JSON, also on the routes that answer CSV (`Accept: text/csv`).
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
      });
    }),
  );
}
