// The child process of bench/views.bench.ts: the API's read side alone over HTTP — the views'
// own controllers, auth guard, exception filter and projector runtime on the configured data
// folder — without the command side, the SLA timers or the queues, whose work (a timer feed
// replaying a million events, breaches appended for every overdue ticket) would otherwise run
// beside the measurement. Talks to the parent over IPC: `{ listening: url, startSeconds }` once it
// listens (the projectors then catch up in the background), then answers `'status'` with the
// projections' report, `'compare-scan'` with entity-scan-comparison's figures and `'peak-rss'`
// with its peak RSS in MiB.
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthController } from '../../apps/api/src/health/health.controller';
import { readStoreHealthProvider } from '../../apps/api/src/health/read-store-health.provider';
import { ViewsModule } from '../../apps/api/src/views/views.module';
import { type ChronicleConfig, loadConfigOrExit, PlatformModule } from '../../libs/platform/src';
import { ProjectionsModule, ProjectorRuntime } from '../../libs/projections/src';
import { READ_STORE, type ReadStore } from '../../libs/read-store/src';
import { EventStoreModule } from '../../libs/event-store/src/module';
import { compareWithEntityScan } from './entity-scan-comparison';

@Module({})
class ViewsServerModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: ViewsServerModule,
      imports: [
        PlatformModule.forRoot(config),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot(),
        ViewsModule,
      ],
      controllers: [HealthController],
      providers: [readStoreHealthProvider],
    };
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfigOrExit(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    ViewsServerModule.forRoot(config),
    new FastifyAdapter(),
    { logger: ['error', 'warn'], abortOnError: false },
  );
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const runtime = app.get(ProjectorRuntime);
  // The benchmark went away (finished or killed): stop rather than linger as an orphan.
  process.once('disconnect', () => void app.close().finally(() => process.exit(0)));
  process.on('message', (message) => {
    if (message === 'peak-rss') {
      process.send?.({ peakRssMiB: process.resourceUsage().maxRSS / 1024 });
    }
    if (message === 'status') void runtime.status().then((status) => process.send?.({ status }));
    if (message === 'compare-scan') {
      void compareWithEntityScan(runtime, app.get<ReadStore>(READ_STORE)).then((comparison) =>
        process.send?.({ comparison }),
      );
    }
  });
  process.send?.({
    listening: await app.getUrl(),
    startSeconds: (performance.now() - started) / 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`views server failed: ${String(error)}\n`);
  process.exit(1);
});
