import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  admitHeavyReads,
  authenticateFirst,
  type ChronicleConfig,
  correlationIdMiddleware,
  JsonLogger,
  jsonBodiesOnly,
  translateBodyParserErrors,
} from '@chronicle/platform';
import { AppModule } from './app.module';
import { httpMetrics } from './metrics/http-metrics';
import { setUpOpenApi } from './openapi';

export interface CreateAppOptions {
  /** Default: JSON lines on stdout; `false` silences Nest (tests). */
  logger?: LoggerService | false;
}

/** The whole HTTP application, configured but not listening; used by main.ts and e2e tests. */
export async function createApp(
  config: ChronicleConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Our own JSON parser below carries the configured limit; no other body types are accepted.
    bodyParser: false,
    // Nest's default is process.abort() on a failed start; main.ts reports and exits instead.
    abortOnError: false,
    logger: options.logger ?? new JsonLogger(),
  });
  app.disable('x-powered-by');
  // Mounted first, so every answer, even a body-parser error, carries the correlation id.
  app.use(correlationIdMiddleware);
  app.use(httpMetrics.middleware);
  // The key is checked, and the body's type and encoding, before a byte of the body is read.
  app.use(authenticateFirst(config.apiKeys));
  app.use(admitHeavyReads(config.maxHeavyQueries));
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.use(translateBodyParserErrors);
  setUpOpenApi(app);
  return app;
}
