import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@chronicle/event-store';
import { EventStoreModule } from '@chronicle/event-store/module';
import {
  type ChronicleConfig,
  installHttpBoundary,
  loadConfig,
  PlatformModule,
} from '@chronicle/platform';
import { ProjectionsModule } from '@chronicle/projections';
import {
  type CheckpointStore,
  SlaTimerService,
  type TimerScheduler,
  type QueueModuleOptions,
  SLA_TIMER_STORE,
} from '@chronicle/scheduling';
import { QueueModule } from '@chronicle/scheduling/module';
import { CommandsModule } from '../../commands/commands.module';

export const SERVICE_TOKEN = 'service-token';

export interface QueueHarnessOptions extends QueueModuleOptions {
  /** Set → BullMQ mode. */
  redisUrl?: string;
  /** Reuse a data folder (a restart); default a new temporary one. */
  dataDir?: string;
}

/** The write side, the projections runtime and the queue module, without the views. */
@Module({})
class QueueTestAppModule {
  static forRoot(config: ChronicleConfig, options: QueueModuleOptions): DynamicModule {
    return {
      module: QueueTestAppModule,
      imports: [
        PlatformModule.forRoot(config),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot(),
        CommandsModule,
        QueueModule.forRoot(options),
      ],
    };
  }
}

/** An API with the queue module on a free port, for the SLA and command-queue e2e tests. */
export class QueueHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly dataDir: string,
  ) {}

  static async start(options: QueueHarnessOptions = {}): Promise<QueueHarness> {
    const { redisUrl, dataDir: given, ...queueOptions } = options;
    const dataDir = given ?? mkdtempSync(join(tmpdir(), 'chronicle-queue-e2e-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: `${SERVICE_TOKEN}=service`,
      ...(redisUrl && { REDIS_URL: redisUrl }),
    });
    const adapter = new FastifyAdapter({ skipMiddie: true });
    installHttpBoundary(adapter.getInstance(), config);
    const app = await NestFactory.create<NestFastifyApplication>(
      QueueTestAppModule.forRoot(config, queueOptions),
      adapter,
      { bodyParser: false, abortOnError: false, logger: false },
    );
    await app.listen(0, '127.0.0.1');
    return new QueueHarness(app, await app.getUrl(), dataDir);
  }

  get eventStore(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  get slaTimers(): SlaTimerService {
    return this.app.get(SlaTimerService);
  }

  get timers(): TimerScheduler & CheckpointStore {
    return this.app.get<TimerScheduler & CheckpointStore>(SLA_TIMER_STORE);
  }

  /** Sends a command over HTTP; throws unless it is accepted. */
  async accepted(
    type: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ position: string; revision: number; commandId: string }> {
    const response = await fetch(`${this.baseUrl}/commands/${type}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${SERVICE_TOKEN}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as {
      position: string;
      revision: number;
      commandId: string;
    };
    if (response.status !== 201)
      throw new Error(`${type}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  /** The events of a stream of the given type. */
  async eventsOf(streamId: string, type?: string): Promise<RecordedEvent[]> {
    const events = await this.eventStore.readStream(streamId);
    return type ? events.filter((event) => event.type === type) : events;
  }

  /** Stops the app; keeps the data folder when `keepData` (to start again on it). */
  async close(keepData = false): Promise<void> {
    await this.app.close();
    if (!keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
