import { join } from 'node:path';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';
import {
  type CommandSideStores,
  openCommandSideStores,
} from './adapters/embedded/command-side-database';
import { SqliteKeyStore } from './adapters/embedded/key-store.sqlite';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency/idempotency-store.port';
import { IDENTITY_INDEX, type IdentityIndex } from './identity/identity-index.port';
import { KEY_STORE, type KeyStore } from './privacy/key-store.port';
import { loadOrCreateSecret } from './privacy/keyed-hash';
import { PersonalDataCipher } from './privacy/personal-data-cipher';
import { CommandPipeline } from './pipeline/command-pipeline';
import { ExecuteCommandHandler } from './pipeline/execute-command';

/** Nest injection token for the secret that keys request fingerprints and identity hashes. */
export const APPLICATION_SECRET = Symbol('APPLICATION_SECRET');
const COMMAND_SIDE_STORES = Symbol('COMMAND_SIDE_STORES');

/**
 * The write side: the command pipeline behind the CommandBus, with its embedded stores in the data
 * folder (`keys.sqlite`, `command-side.sqlite`, `secret.key`). Needs EVENT_STORE and
 * CHRONICLE_CONFIG from global modules.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      provide: KEY_STORE,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) =>
        SqliteKeyStore.open(join(config.dataDir, 'keys.sqlite')),
    },
    {
      provide: APPLICATION_SECRET,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) =>
        loadOrCreateSecret(join(config.dataDir, 'secret.key')),
    },
    {
      provide: COMMAND_SIDE_STORES,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) =>
        openCommandSideStores(join(config.dataDir, 'command-side.sqlite')),
    },
    {
      provide: IDEMPOTENCY_STORE,
      inject: [COMMAND_SIDE_STORES],
      useFactory: (stores: CommandSideStores) => stores.idempotency,
    },
    {
      provide: IDENTITY_INDEX,
      inject: [COMMAND_SIDE_STORES],
      useFactory: (stores: CommandSideStores) => stores.identity,
    },
    {
      provide: PersonalDataCipher,
      inject: [KEY_STORE],
      useFactory: (keys: KeyStore) => new PersonalDataCipher(keys),
    },
    {
      provide: CommandPipeline,
      inject: [
        EVENT_STORE,
        PersonalDataCipher,
        KEY_STORE,
        IDEMPOTENCY_STORE,
        IDENTITY_INDEX,
        APPLICATION_SECRET,
      ],
      useFactory: (
        eventStore: EventStore,
        cipher: PersonalDataCipher,
        keyStore: KeyStore,
        idempotencyStore: IdempotencyStore,
        identityIndex: IdentityIndex,
        secret: Buffer,
      ) =>
        new CommandPipeline({
          eventStore,
          cipher,
          keyStore,
          idempotencyStore,
          identityIndex,
          secret,
        }),
    },
    ExecuteCommandHandler,
  ],
  exports: [CommandPipeline, PersonalDataCipher, KEY_STORE, APPLICATION_SECRET],
})
export class ApplicationModule implements OnApplicationShutdown {
  constructor(
    @Inject(KEY_STORE) private readonly keyStore: KeyStore,
    @Inject(COMMAND_SIDE_STORES) private readonly commandSideStores: CommandSideStores,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.commandSideStores.close();
    await this.keyStore.close();
  }
}
