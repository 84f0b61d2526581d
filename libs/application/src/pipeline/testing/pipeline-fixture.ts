import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, SqliteEventStore } from '@chronicle/event-store';
import {
  type CommandSideStores,
  openCommandSideStores,
} from '../../adapters/embedded/command-side-database';
import { SqliteKeyStore } from '../../adapters/embedded/key-store.sqlite';
import { loadOrCreateSecret } from '../../privacy/keyed-hash';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher';
import { CommandPipeline, type CommandPipelineOptions } from '../command-pipeline';
import type { CommandRequest, CommandResult } from '../command-types';

export const SERVICE = { id: 'key:service1', roles: ['service'] } as const;
export const ADMIN = { id: 'key:admin001', roles: ['admin'] } as const;

/** The pipeline over the real embedded stores in a temporary data folder. */
export class PipelineFixture {
  readonly pipeline: CommandPipeline;

  private constructor(
    readonly dataDir: string,
    readonly eventStore: SqliteEventStore,
    readonly keyStore: SqliteKeyStore,
    readonly commandSide: CommandSideStores,
    readonly secret: Buffer,
    overrides: Partial<CommandPipelineOptions>,
  ) {
    this.pipeline = this.newPipeline(overrides);
  }

  static open(overrides: Partial<CommandPipelineOptions> = {}): PipelineFixture {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-pipeline-'));
    return new PipelineFixture(
      dataDir,
      SqliteEventStore.open({ directory: dataDir }),
      SqliteKeyStore.open(join(dataDir, 'keys.sqlite')),
      openCommandSideStores(join(dataDir, 'command-side.sqlite')),
      loadOrCreateSecret(join(dataDir, 'secret.key')),
      overrides,
    );
  }

  /** Another pipeline over the same stores, as a second process would run (its own cache, locks). */
  newPipeline(overrides: Partial<CommandPipelineOptions> = {}): CommandPipeline {
    return new CommandPipeline({
      eventStore: this.eventStore,
      cipher: new PersonalDataCipher(this.keyStore),
      keyStore: this.keyStore,
      idempotencyStore: this.commandSide.idempotency,
      identityIndex: this.commandSide.identity,
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
    return pipeline.execute({ type, body, correlationId: 'corr-1', actor: SERVICE, ...extra });
  }

  async close(): Promise<void> {
    await this.eventStore.close();
    await this.keyStore.close();
    await this.commandSide.close();
    rmSync(this.dataDir, { recursive: true, force: true });
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
