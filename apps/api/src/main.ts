import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  hasProcessRole,
  JsonLogger,
  loadConfigOrExit,
  nestLogLevel,
  stopOnSignals,
} from '@chronicle/platform';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  // Whatever this process creates is its owner's alone: the data folder holds keys and personal data.
  process.umask(0o077);
  const config = loadConfigOrExit(process.env);
  const logger = new JsonLogger({ minLevel: nestLogLevel(config.logLevel) });
  const app = await createApp(config, { logger });
  stopOnSignals({
    close: async () => {
      // Read before closing: a closed server has no address.
      const address = boundAddress(app);
      await app.close();
      if (address !== undefined) {
        logger.pino.info({ context: 'Shutdown', address }, `Chronicle API closed ${address}`);
      }
    },
    logger,
  });
  if (config.devApiKeysFile) {
    logger.warn(
      `CHRONICLE_API_KEYS is unset: development API keys are in ${config.devApiKeysFile}`,
      'Config',
    );
  }
  if (!hasProcessRole(config, 'http')) {
    // A projector or timer process of a scaled-out deployment (CHRONICLE_ROLES): the same modules
    // and background work, no port to guard.
    await app.init();
    logger.pino.info(
      { context: 'Bootstrap', roles: [...(config.processRoles ?? [])] },
      'Chronicle started without the http role: no HTTP served',
    );
    return;
  }
  await app.listen(config.port, config.host);
  const address = boundAddress(app);
  logger.pino.info(
    { context: 'Bootstrap', address },
    `Chronicle API listening on ${address} (OpenAPI at /docs)`,
  );
}

/** `http://host:port` the server listens on, or undefined before it listens. */
function boundAddress(app: NestFastifyApplication): string | undefined {
  const bound = app.getHttpServer().address() as AddressInfo | null;
  if (bound === null) return undefined;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return `http://${host}:${bound.port}`;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Chronicle failed to start: ${message}\n`);
  process.exit(1);
});
