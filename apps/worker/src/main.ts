import { NestFactory } from '@nestjs/core';
import { ConfigError, JsonLogger, loadConfig, type ChronicleConfig } from '@chronicle/platform';
import { WorkerModule } from './worker.module';

function configOrExit(): ChronicleConfig {
  try {
    // The worker's only read of process.env; everything else gets the validated config.
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = new JsonLogger();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  const mode = config.redisUrl ? 'BullMQ on Redis' : 'embedded (in-process timers)';
  logger.log(`Chronicle worker running: projectors, SLA timers, queues (${mode})`, 'Bootstrap');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Chronicle worker failed to start: ${message}\n`);
  process.exit(1);
});
