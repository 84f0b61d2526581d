import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { QUERY_DTO } from './valid-query.decorator';
import { invalidQuery, unknownParameterProblem } from './validate-query';

/**
 * Every route refuses query parameters it does not declare: a handler without `@ValidQuery`
 * takes none, so `?foo=1` there is a 400 naming `foo`, not a silently ignored typo. Interceptors
 * run after the guards, so a caller without a valid key still meets 401 first.
 */
@Injectable()
export class UndeclaredQueryInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !this.reflector.get(QUERY_DTO, context.getHandler())) {
      const { query } = context.switchToHttp().getRequest<{ query?: object }>();
      const names = Object.keys(query ?? {});
      if (names.length > 0) throw invalidQuery(names.map(unknownParameterProblem));
    }
    return next.handle();
  }
}
