import type { StreamEvents } from '@chronicle/domain';
import type { EventStore } from '@chronicle/event-store';
import { ContactIdentities } from '../identity/contact-identities';
import type { IdentityIndex } from '../identity/identity-index.port';
import type { IdempotencyStore } from '../idempotency/idempotency-store.port';
import {
  IdempotentExecution,
  keyReused,
  type PriorAttempt,
} from '../idempotency/idempotent-execution';
import { requestFingerprint, type Secret } from '../idempotency/request-fingerprint';
import type { KeyStore } from '../privacy/key-store.port';
import { UpcastingReader } from '../upcasting/upcasting-reader';
import { afterAppend } from './after-append';
import type { CommandRequest, CommandResult } from './command-types';
import {
  type AfterAppend,
  type DecidedStream,
  EntryAppender,
  type EntryOutcome,
  storedOutcome,
} from './entry-appender';
import { FoldedStateCache } from './folded-state-cache';
import { KeyedMutex } from './keyed-mutex';
import { concurrencyConflict, isOvertaken, tooMuchContention } from './pipeline-errors';
import {
  lockedStreamsOf,
  type PreparedCommand,
  prepareCommand,
  streamsOf,
} from './prepared-command';
import { type EventCipher, StreamLoader } from './stream-loader';

export interface CommandPipelineOptions {
  eventStore: EventStore;
  cipher: EventCipher;
  keyStore: KeyStore;
  idempotencyStore: IdempotencyStore;
  identityIndex: IdentityIndex;
  /** Keys the request fingerprints and identity hashes. */
  secret: Secret;
  clock?: () => Date;
  /** Attempts of a command without If-Match that another process keeps overtaking. */
  maxAttempts?: number;
  foldedStateCapacity?: number;
}

/**
 * Runs a command from outside: validate, load and fold its streams, decide, seal personal fields,
 * append. Commands on one stream run one at a time in this process; another process's append in
 * between makes the command decide again, unless the caller pinned the revision with If-Match.
 */
export class CommandPipeline {
  private readonly mutex = new KeyedMutex();
  private readonly loader: StreamLoader;
  private readonly appender: EntryAppender;
  private readonly idempotency: IdempotentExecution;
  private readonly identities: ContactIdentities;
  private readonly afterAppend: AfterAppend;
  private readonly clock: () => Date;
  private readonly maxAttempts: number;

  constructor(private readonly options: CommandPipelineOptions) {
    const cache = new FoldedStateCache(options.foldedStateCapacity);
    const reader = new UpcastingReader(options.cipher, options.keyStore);
    this.loader = new StreamLoader(options.eventStore, options.cipher, cache, reader);
    this.identities = new ContactIdentities(options.identityIndex, options.secret);
    this.afterAppend = afterAppend(this.identities, options.keyStore, this.loader);
    this.appender = new EntryAppender(
      options.eventStore,
      options.cipher,
      this.loader,
      this.afterAppend,
    );
    this.idempotency = new IdempotentExecution(options.idempotencyStore);
    this.clock = options.clock ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 20;
  }

  async execute(request: CommandRequest): Promise<CommandResult> {
    const command = prepareCommand(request, this.clock());
    const key = command.idempotencyKey;
    if (key === undefined) return this.run(command, 'none');
    const { secret } = this.options;
    const fingerprint = requestFingerprint(
      secret,
      command.type,
      command.payload,
      command.expectedRevision,
    );
    return this.idempotency.execute(key, fingerprint, (prior) => this.run(command, prior));
  }

  private run(command: PreparedCommand, prior: PriorAttempt): Promise<CommandResult> {
    return this.mutex.runExclusive(lockedStreamsOf(command), async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.attempt(command, prior);
        } catch (error) {
          if (!isOvertaken(error)) throw error;
          if (command.expectedRevision !== undefined) throw concurrencyConflict(command, error);
          if (attempt >= this.maxAttempts) throw tooMuchContention(command, error);
          // This attempt may have appended some entries of a multi-stream command: recognise them.
          prior = 'same-request';
        }
      }
    });
  }

  private async attempt(command: PreparedCommand, prior: PriorAttempt): Promise<CommandResult> {
    const streams = await this.load(command, prior !== 'none');
    const target = streams.get(command.targetStreamId)!;
    const earlier = [...streams.values()].flatMap((stream) => stream.ownEvents ?? []);
    if (earlier.length > 0 && prior === 'other-request') throw keyReused(command.commandId);
    // What followed the earlier append may have been cut short by the same interruption.
    if (earlier.length > 0) {
      await this.afterAppend(await Promise.all(earlier.map((event) => this.loader.open(event))));
    }
    // The target's entry comes last, so finding it written means the whole command was.
    if (target.ownEvents?.length) {
      return resultOf(command, storedOutcome(command.targetStreamId, target.ownEvents));
    }

    if (command.expectedRevision !== undefined && target.revision !== command.expectedRevision) {
      throw concurrencyConflict(command);
    }
    const entries = await this.decide(command, streams);
    const outcomes = await this.appender.appendAll(command, entries, streams);
    return resultOf(command, outcomes[outcomes.length - 1]!);
  }

  private async load(
    command: PreparedCommand,
    recogniseEarlierAttempts: boolean,
  ): Promise<Map<string, DecidedStream>> {
    const loaded = new Map<string, DecidedStream>();
    for (const streamId of streamsOf(command)) {
      const stream = recogniseEarlierAttempts
        ? await this.loader.loadSettingAside(streamId, command.commandId)
        : await this.loader.load(streamId);
      loaded.set(streamId, stream);
    }
    return loaded;
  }

  private async decide(
    command: PreparedCommand,
    streams: ReadonlyMap<string, DecidedStream>,
  ): Promise<StreamEvents[]> {
    const state = streams.get(command.targetStreamId)!.state;
    const related = Object.fromEntries(
      Object.entries(command.relatedStreamIds).map(([name, id]) => [name, streams.get(id)!.state]),
    );
    const duplicateCandidates = await this.identities.duplicateCandidates(
      command.type,
      command.payload,
      contactDetailsOf(state),
    );
    const entries = command.spec.decide(command.payload, state, {
      occurredAt: command.occurredAt,
      actorRoles: command.actor.roles,
      related,
      duplicateCandidates,
    });
    if (entries.length === 0) throw new Error(`${command.type} decided no entry, not even its own`);
    return entries;
  }
}

function resultOf(command: PreparedCommand, primary: EntryOutcome): CommandResult {
  return { commandId: command.commandId, ...primary };
}

// Only contact deciders read these; other states simply have none.
function contactDetailsOf(state: unknown): { email?: unknown; phone?: unknown } {
  const details = (state as { details?: unknown } | null)?.details;
  return typeof details === 'object' && details !== null ? details : {};
}
