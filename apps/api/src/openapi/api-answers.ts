import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export interface AnswerOptions {
  /** Default 200. */
  status?: number;
  description?: string;
  /** The route also answers `text/csv` for `Accept: text/csv` (the aggregate views). */
  csv?: boolean;
}

/**
 * The success answer of an operation: JSON of the given class (or of one of the given classes),
 * and CSV text beside it for the views that have a table. Errors are documented apart, by `@ApiErrors`.
 */
export function ApiAnswer(
  type: Type<unknown> | Array<Type<unknown>>,
  options: AnswerOptions = {},
): MethodDecorator {
  const types = Array.isArray(type) ? type : [type];
  const refs = types.map((each) => ({ $ref: getSchemaPath(each) }));
  // Several shapes (one per query form): anyOf, since JSON objects of two shapes always overlap.
  const json = { schema: refs.length === 1 ? refs[0]! : { anyOf: refs } };
  return applyDecorators(
    ApiExtraModels(...types),
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? 'The answer',
      content: {
        'application/json': json,
        ...(options.csv && { 'text/csv': { schema: { type: 'string' } } }),
      },
    }),
  );
}

/** A success answer that is not JSON: NDJSON, Server-Sent Events, Prometheus text. */
export function ApiTextAnswer(mediaType: string, description: string): MethodDecorator {
  return ApiResponse({
    status: 200,
    description,
    content: { [mediaType]: { schema: { type: 'string' } } },
  });
}
