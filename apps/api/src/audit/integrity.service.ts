import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { IntegrityLog, loadSigningKey } from '@chronicle/integrity';
import { SqliteTreeStore } from '@chronicle/integrity/embedded';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';

/**
 * The process's integrity log: the tree in the data folder, kept level with the log by a follower
 * started once every module is up, and stopped before the event store closes.
 */
@Injectable()
export class IntegrityService
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  readonly log: IntegrityLog;
  private readonly tree: SqliteTreeStore;
  private readonly logger = new Logger('Integrity');

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(CHRONICLE_CONFIG) config: ChronicleConfig,
  ) {
    const { key, generatedFile } = loadSigningKey({
      configured: config.signingKey,
      dataDir: config.dataDir,
    });
    if (generatedFile) {
      this.logger.warn(
        `CHRONICLE_SIGNING_KEY is unset: checkpoints are signed with the key in ${generatedFile} (keyId ${key.keyId}); keep a key outside the data folder to make them worth more (docs/audit.md)`,
      );
    } else {
      this.logger.log(`Checkpoints are signed with CHRONICLE_SIGNING_KEY (keyId ${key.keyId})`);
    }
    this.tree = SqliteTreeStore.open(config.dataDir);
    this.log = new IntegrityLog({
      eventStore,
      store: this.tree,
      key,
      contiguousPositions: config.eventStoreUrl === undefined,
      log: (level, message) => this.logger[level](message),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.log.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.log.stop();
  }

  onApplicationShutdown(): void {
    this.tree.close();
  }
}
