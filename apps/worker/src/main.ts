import { NestFactory } from '@nestjs/core';
import { JsonLogger, loadConfigOrExit, nestLogLevel, stopOnSignals } from '@chronicle/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // Whatever this process creates is its owner's alone: the data folder holds keys and personal data.
  process.umask(0o077);
  const config = loadConfigOrExit(process.env);
  const logger = new JsonLogger({ minLevel: nestLogLevel(config.logLevel) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger,
    abortOnError: false,
  });
  stopOnSignals({ close: () => app.close(), logger });
  await app.init();
  const mode = config.redisUrl ? 'BullMQ on Redis' : 'embedded (in-process timers)';
  logger.log(`Chronicle worker running: projectors, SLA timers, queues (${mode})`, 'Bootstrap');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Chronicle worker failed to start: ${message}\n`);
  process.exit(1);
});
