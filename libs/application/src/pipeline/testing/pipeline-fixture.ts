import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import {
  type CommandSideStores,
  openCommandSideStores,
} from '../../adapters/embedded/command-side-database';
import { SqliteKeyStore } from '../../adapters/embedded/key-store.sqlite';
import { ErasedSubjects } from '../../erasure/erased-subjects';
import { ErasureAwareKeyStore } from '../../erasure/erasure-aware-key-store';
import { ErasureCompletion } from '../../erasure/erasure-completion';
import { loadOrCreateSecret } from '../../privacy/keyed-hash';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher';
import { CommandPipeline, type CommandPipelineOptions } from '../command-pipeline';
import type { CommandRequest, CommandResult } from '../command-types';

export const SERVICE = { id: 'key:service1', roles: ['service'] } as const;
export const ADMIN = { id: 'key:admin001', roles: ['admin'] } as const;
/** The idempotency scope of the fixture's caller, as an API key's would be. */
export const SCOPE = 'http:fixture';

/**
 * The pipeline over the real embedded stores in a temporary data folder, wired as the application
 * module wires it: every pipeline shares one erased-subjects set and the key store that reads it.
 */
export class PipelineFixture {
  readonly pipeline: CommandPipeline;
  readonly erased = new ErasedSubjects();
  /** The key store the pipeline and the cipher use (erasure-aware). */
  readonly keys: ErasureAwareKeyStore;
  readonly erasure: ErasureCompletion;

  private constructor(
    readonly dataDir: string,
    readonly eventStore: SqliteEventStore,
    readonly keyStore: SqliteKeyStore,
    readonly commandSide: CommandSideStores,
    readonly secret: Buffer,
    overrides: Partial<CommandPipelineOptions>,
  ) {
    this.keys = new ErasureAwareKeyStore(keyStore, this.erased);
    this.erasure = new ErasureCompletion({
      keyStore: this.keys,
      remnants: commandSide.remnants,
      erased: this.erased,
    });
    this.pipeline = this.newPipeline(overrides);
  }

  /**
   * Opens the stores in `dataDir` (a new temporary folder by default). Short busy waits, so a
   * test that holds a file locked sees the failure at once.
   */
  static open(
    overrides: Partial<CommandPipelineOptions> = {},
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-pipeline-')),
  ): PipelineFixture {
    return new PipelineFixture(
      dataDir,
      SqliteEventStore.open({ directory: dataDir }),
      SqliteKeyStore.open(join(dataDir, 'keys.sqlite'), { busyTimeoutMs: 50 }),
      openCommandSideStores(join(dataDir, 'command-side.sqlite'), { busyTimeoutMs: 50 }),
      loadOrCreateSecret(join(dataDir, 'secret.key')),
      overrides,
    );
  }

  /** A cipher over the erasure-aware key store, as the views and audit routes open events. */
  pipelineCipher(): PersonalDataCipher {
    return new PersonalDataCipher(this.keys);
  }

  /** Another pipeline over the same stores, as a second process would run (its own cache, locks). */
  newPipeline(overrides: Partial<CommandPipelineOptions> = {}): CommandPipeline {
    return new CommandPipeline({
      eventStore: this.eventStore,
      cipher: new PersonalDataCipher(this.keys),
      keyStore: this.keys,
      idempotencyStore: this.commandSide.idempotency,
      identityIndex: this.commandSide.identity,
      erasure: this.erasure,
      secret: this.secret,
      ...overrides,
    });
  }

  send(
    type: string,
    body: Record<string, unknown>,
    extra: Partial<CommandRequest> = {},
    pipeline: CommandPipeline = this.pipeline,
  ): Promise<CommandResult> {
    return pipeline.execute({
      type,
      body,
      correlationId: 'corr-1',
      actor: SERVICE,
      idempotencyScope: SCOPE,
      ...extra,
    });
  }

  /** Closes the stores and removes the data folder, unless `keepData` (to open it again). */
  async close({ keepData = false } = {}): Promise<void> {
    this.erasure.close();
    await this.eventStore.close();
    await this.keyStore.close();
    await this.commandSide.close();
    if (!keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** An event store that lets a test act just before an append reaches the real store. */
export function interceptAppends(
  store: EventStore,
  beforeAppend: (streamId: string, call: number) => Promise<void>,
): EventStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver) as unknown;
      const append: EventStore['append'] = async (streamId, events, expected) => {
        calls += 1;
        await beforeAppend(streamId, calls);
        return target.append(streamId, events, expected);
      };
      return append;
    },
  });
}
