import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { UndeclaredQueryInterceptor } from './undeclared-query.interceptor';

/** Installs the query rules for every route (docs/api.md, "Query parameters"). */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: UndeclaredQueryInterceptor }] })
export class QueryModule {}
