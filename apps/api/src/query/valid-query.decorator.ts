import {
  createParamDecorator,
  type ExecutionContext,
  type PipeTransform,
  type Type,
} from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { validateQuery } from './validate-query';

/** Method metadata: the DTO a handler's query is validated against (see ValidQuery). */
export const QUERY_DTO = Symbol('chronicle:query-dto');

class QueryDtoPipe<T extends object> implements PipeTransform<unknown, T> {
  constructor(private readonly dto: Type<T>) {}

  transform(query: unknown): T {
    return validateQuery(this.dto, query);
  }
}

// A custom parameter type rather than @Query(): the global ValidationPipe skips custom ones, so
// the query is judged once, by the rules of validateQuery, not first by the body's rules.
const RequestQuery = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<{ query?: unknown }>().query,
);

/**
 * The handler's query parameters as an instance of `dto`, validated: unknown names, repeated or
 * malformed values answer 400 VALIDATION_FAILED naming each parameter. The OpenAPI document lists
 * the DTO's properties as the route's query parameters. A route without it takes no parameters
 * at all (UndeclaredQueryInterceptor).
 */
export function ValidQuery<T extends object>(dto: Type<T>): ParameterDecorator {
  return (target, method, index) => {
    RequestQuery(new QueryDtoPipe(dto))(target, method, index);
    if (method === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, method);
    if (descriptor === undefined) return;
    Reflect.defineMetadata(QUERY_DTO, dto, descriptor.value as object);
    ApiQuery({ type: dto, required: false })(target, method, descriptor);
  };
}
