import { join } from 'node:path';
import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';
import {
  type CommandSideStores,
  openCommandSideStores,
} from './adapters/embedded/command-side-database';
import { SqliteKeyStore } from './adapters/embedded/key-store.sqlite';
import { ErasedSubjects } from './erasure/erased-subjects';
import { ErasureAwareKeyStore } from './erasure/erasure-aware-key-store';
import { ErasureCompletion } from './erasure/erasure-completion';
import { ErasureReconciliation } from './erasure/erasure-reconciliation';
import { FaultPoints } from './erasure/fault-points';
import { IDEMPOTENCY_STORE } from './idempotency/idempotency-store.port';
import { ContactIdentities } from './identity/contact-identities';
import { IDENTITY_INDEX } from './identity/identity-index.port';
import { KEY_STORE, type KeyStore } from './privacy/key-store.port';
import { loadOrCreateSecret } from './privacy/keyed-hash';
import { PersonalDataCipher } from './privacy/personal-data-cipher';
import { CommandPipeline } from './pipeline/command-pipeline';
import { ExecuteCommandHandler } from './pipeline/execute-command';

/** Nest injection token for the secret that keys request fingerprints and identity hashes. */
export const APPLICATION_SECRET = Symbol('APPLICATION_SECRET');
const COMMAND_SIDE_STORES = Symbol('COMMAND_SIDE_STORES');
const RAW_KEY_STORE = Symbol('RAW_KEY_STORE');

/**
 * The write side: the command pipeline behind the CommandBus, with its embedded stores in the data
 * folder (`keys.sqlite`, `command-side.sqlite`, `secret.key`), and the erasure machinery that every
 * reader of personal data goes through (KEY_STORE). Needs EVENT_STORE and CHRONICLE_CONFIG from
 * global modules.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      // Test-only fault injection for the crash tests (docs/adr/007-erasure.md); unset in every
      // real deployment.
      provide: FaultPoints,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) => FaultPoints.fromSetting(config.faultPoint),
    },
    {
      provide: RAW_KEY_STORE,
      inject: [CHRONICLE_CONFIG, FaultPoints],
      useFactory: (config: ChronicleConfig, faults: FaultPoints) =>
        SqliteKeyStore.open(join(config.dataDir, 'keys.sqlite'), { faults }),
    },
    ErasedSubjects,
    {
      provide: KEY_STORE,
      inject: [RAW_KEY_STORE, ErasedSubjects],
      useFactory: (keys: SqliteKeyStore, erased: ErasedSubjects) =>
        new ErasureAwareKeyStore(keys, erased),
    },
    {
      provide: APPLICATION_SECRET,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) =>
        loadOrCreateSecret(join(config.dataDir, 'secret.key')),
    },
    {
      provide: COMMAND_SIDE_STORES,
      inject: [CHRONICLE_CONFIG, FaultPoints],
      useFactory: (config: ChronicleConfig, faults: FaultPoints) =>
        openCommandSideStores(join(config.dataDir, 'command-side.sqlite'), { faults }),
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
      // The read side's e-mail and phone lookups go through the same keyed index.
      provide: ContactIdentities,
      inject: [COMMAND_SIDE_STORES, APPLICATION_SECRET],
      useFactory: (stores: CommandSideStores, secret: Buffer) =>
        new ContactIdentities(stores.identity, secret),
    },
    {
      provide: ErasureCompletion,
      inject: [KEY_STORE, COMMAND_SIDE_STORES, ErasedSubjects, FaultPoints],
      useFactory: (
        keyStore: KeyStore,
        stores: CommandSideStores,
        erased: ErasedSubjects,
        faults: FaultPoints,
      ) => new ErasureCompletion({ keyStore, remnants: stores.remnants, erased, faults }),
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
        COMMAND_SIDE_STORES,
        ErasureCompletion,
        APPLICATION_SECRET,
        FaultPoints,
      ],
      useFactory: (
        eventStore: EventStore,
        cipher: PersonalDataCipher,
        keyStore: KeyStore,
        stores: CommandSideStores,
        erasure: ErasureCompletion,
        secret: Buffer,
        faults: FaultPoints,
      ) =>
        new CommandPipeline({
          eventStore,
          cipher,
          keyStore,
          idempotencyStore: stores.idempotency,
          identityIndex: stores.identity,
          erasure,
          secret,
          faults,
        }),
    },
    ExecuteCommandHandler,
  ],
  exports: [CommandPipeline, PersonalDataCipher, KEY_STORE, APPLICATION_SECRET, ContactIdentities],
})
export class ApplicationModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(RAW_KEY_STORE) private readonly keyStore: SqliteKeyStore,
    @Inject(COMMAND_SIDE_STORES) private readonly commandSideStores: CommandSideStores,
    @Inject(ErasureCompletion) private readonly erasure: ErasureCompletion,
  ) {}

  /**
   * Before anything is served (Nest runs every module's init before the server listens, the
   * queue consumes or a projector starts): erasures a crash left half done are finished, or at
   * least their subjects read as erased while the destruction is retried.
   */
  async onModuleInit(): Promise<void> {
    const checkpoints = [this.keyStore.erasureCheckpoint, this.commandSideStores.erasureCheckpoint];
    await new ErasureReconciliation(this.eventStore, checkpoints, this.erasure).run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.erasure.close();
    await this.commandSideStores.close();
    await this.keyStore.close();
  }
}
