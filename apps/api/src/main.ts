import type { AddressInfo } from 'node:net';
import { JsonLogger, loadConfigOrExit, nestLogLevel, stopOnSignals } from '@chronicle/platform';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  // Whatever this process creates is its owner's alone: the data folder holds keys and personal data.
  process.umask(0o077);
  const config = loadConfigOrExit(process.env);
  const logger = new JsonLogger({ minLevel: nestLogLevel(config.logLevel) });
  const app = await createApp(config, { logger });
  stopOnSignals({ close: () => app.close(), logger });
  if (config.devApiKeysFile) {
    logger.warn(
      `CHRONICLE_API_KEYS is unset: development API keys are in ${config.devApiKeysFile}`,
      'Config',
    );
  }
  await app.listen(config.port, config.host);
  const bound = app.getHttpServer().address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  logger.log(
    `Chronicle API listening on http://${host}:${bound.port} (OpenAPI at /docs)`,
    'Bootstrap',
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Chronicle failed to start: ${message}\n`);
  process.exit(1);
});
