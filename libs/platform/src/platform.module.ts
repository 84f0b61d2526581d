import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApiKeyGuard } from './auth/api-key.guard';
import { CHRONICLE_CONFIG, type ChronicleConfig } from './config/chronicle-config';
import { ChronicleExceptionFilter } from './errors/chronicle-exception.filter';
import { createValidationPipe } from './errors/validation';

/**
 * Provides the validated config under {@link CHRONICLE_CONFIG} to every module, and installs the
 * global API-key guard, exception filter and validation pipe.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: CHRONICLE_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ChronicleExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [CHRONICLE_CONFIG],
    };
  }
}
