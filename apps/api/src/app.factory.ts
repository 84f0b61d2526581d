import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  answerFrameworkErrors,
  type ChronicleConfig,
  installHttpBoundary,
  JsonLogger,
  logAccess,
  logFrameworkErrorAccess,
} from '@chronicle/platform';
import { AppModule } from './app.module';
import { httpMetrics } from './metrics/http-metrics';
import { setUpOpenApi } from './openapi/openapi';

export interface CreateAppOptions {
  /** Default: JSON lines on stdout at info; `false` silences Nest and the access log (tests). */
  logger?: JsonLogger | false;
}

/**
 * Path segments as long as a request line may be (Node's default header limit): ids are short,
 * and a longer one is judged by its route like any other, not refused by the router.
 */
const MAX_PATH_SEGMENT = 16 * 1024;

/** The whole HTTP application, configured but not listening; used by main.ts and e2e tests. */
export async function createApp(
  config: ChronicleConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? new JsonLogger();
  const answerMalformedPath = answerFrameworkErrors(config.apiKeys);
  const adapter = new FastifyAdapter({
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_SEGMENT },
    frameworkErrors: logger
      ? logFrameworkErrorAccess(logger.pino, answerMalformedPath)
      : answerMalformedPath,
    // While the server closes, requests on open connections are still served as usual, not
    // answered with Fastify's own 503 body outside the error shape.
    return503OnClosing: false,
    // No Express-style middleware is mounted: every boundary rule is a Fastify hook.
    skipMiddie: true,
  });
  const fastify = adapter.getInstance();
  // First, so the boundary's refusals are logged too.
  if (logger) fastify.addHook('onRequest', logAccess(logger.pino));
  installHttpBoundary(fastify, config);
  fastify.addHook('onResponse', httpMetrics.onResponse);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // Our own JSON reader (installHttpBoundary) carries the configured limit.
    bodyParser: false,
    // Nest's default is process.abort() on a failed start; main.ts reports and exits instead.
    abortOnError: false,
    logger,
  });
  setUpOpenApi(app);
  return app;
}
