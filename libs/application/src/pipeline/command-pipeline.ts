import type { StreamEvents } from '@chronicle/domain';
import type { EventStore } from '@chronicle/event-store';
import type { ErasureCompletion } from '../erasure/erasure-completion';
import { FaultPoints } from '../erasure/fault-points';
import { ContactIdentities } from '../identity/contact-identities';
import type { IdentityIndex } from '../identity/identity-index.port';
import type { IdempotencyStore } from '../idempotency/idempotency-store.port';
import {
  type IdempotentAttempt,
  IdempotentExecution,
  keyReused,
  UNRECORDED_ATTEMPT,
} from '../idempotency/idempotent-execution';
import { requestFingerprint, type Secret } from '../idempotency/request-fingerprint';
import type { KeyStore } from '../privacy/key-store.port';
import { UpcastingReader } from '../upcasting/upcasting-reader';
import { AppendFollowUp } from './after-append';
import { commandSubjects } from './command-subjects';
import type { CommandRequest, CommandResult } from './command-types';
import {
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
  /** The erasure-aware key store (the one the cipher uses). */
  keyStore: KeyStore;
  idempotencyStore: IdempotencyStore;
  identityIndex: IdentityIndex;
  /** Carries out erasures; shares its erased subjects with the key store. */
  erasure: ErasureCompletion;
  /** Keys the request fingerprints and identity hashes. */
  secret: Secret;
  clock?: () => Date;
  /** Attempts of a command without If-Match that another process keeps overtaking. */
  maxAttempts?: number;
  foldedStateCapacity?: number;
  faults?: FaultPoints;
}

const ERASE = 'EraseContactPersonalData';

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
  private readonly followUp: AppendFollowUp;
  private readonly faults: FaultPoints;
  private readonly clock: () => Date;
  private readonly maxAttempts: number;

  constructor(private readonly options: CommandPipelineOptions) {
    const cache = new FoldedStateCache(options.foldedStateCapacity);
    const reader = new UpcastingReader(options.cipher, options.keyStore);
    this.loader = new StreamLoader(options.eventStore, options.cipher, cache, reader);
    this.identities = new ContactIdentities(options.identityIndex, options.secret);
    this.faults = options.faults ?? FaultPoints.none;
    this.followUp = new AppendFollowUp(
      this.identities,
      options.erasure,
      () => this.loader.forgetAll(),
      this.faults,
    );
    this.appender = new EntryAppender(
      options.eventStore,
      options.cipher,
      this.loader,
      this.followUp,
    );
    this.idempotency = new IdempotentExecution(options.idempotencyStore);
    this.clock = options.clock ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 20;
  }

  async execute(request: CommandRequest): Promise<CommandResult> {
    const command = prepareCommand(request, this.clock());
    const result = await this.executePrepared(command);
    if (command.type === ERASE) {
      await this.idempotency.answerSettled(command.executionId);
      this.faults.reach('erase.after-answer-recorded');
    }
    return result;
  }

  private executePrepared(command: PreparedCommand): Promise<CommandResult> {
    const key = command.idempotencyKey;
    if (key === undefined) return this.run(command, UNRECORDED_ATTEMPT);
    const { secret } = this.options;
    const fingerprint = requestFingerprint(
      secret,
      command.type,
      command.payload,
      command.expectedRevision,
    );
    return this.idempotency.execute(command.executionId, key, fingerprint, (attempt) =>
      this.run(command, attempt),
    );
  }

  private run(command: PreparedCommand, attempt: IdempotentAttempt): Promise<CommandResult> {
    return this.mutex.runExclusive(lockedStreamsOf(command), async () => {
      for (let round = 1; ; round += 1) {
        try {
          return await this.attempt(command, attempt);
        } catch (error) {
          if (!isOvertaken(error)) throw error;
          if (command.expectedRevision !== undefined) {
            throw concurrencyConflict(
              command,
              await this.revisionOf(command.targetStreamId),
              error,
            );
          }
          if (round >= this.maxAttempts) throw tooMuchContention(command, error);
          // This attempt may have appended some entries of a multi-stream command: recognise them.
          attempt = { ...attempt, prior: 'same-request' };
        }
      }
    });
  }

  private async attempt(
    command: PreparedCommand,
    attempt: IdempotentAttempt,
  ): Promise<CommandResult> {
    const streams = await this.load(command, attempt.prior !== 'none');
    const target = streams.get(command.targetStreamId)!;
    const earlier = [...streams.values()].flatMap((stream) => stream.ownEvents ?? []);
    if (earlier.length > 0 && attempt.prior === 'other-request') throw keyReused(command.commandId);
    // What followed the earlier append may have been cut short by the same interruption.
    if (earlier.length > 0) {
      const opened = await Promise.all(earlier.map((event) => this.loader.open(event)));
      attempt.concerns(commandSubjects(command.payload, target.state, opened));
      await this.followUp.afterAppend(opened);
    }
    // The target's entry comes last, so finding it written means the whole command was.
    if (target.ownEvents?.length) {
      return resultOf(command, storedOutcome(command.targetStreamId, target.ownEvents));
    }

    if (command.expectedRevision !== undefined && target.revision !== command.expectedRevision) {
      throw concurrencyConflict(command, target.revision);
    }
    const entries = await this.decide(command, streams);
    const events = entries.flatMap((entry) => entry.events);
    attempt.concerns(commandSubjects(command.payload, target.state, events));
    // The marker is written while the events are sealed (which may create a key): two files'
    // commits in one turn, their fsyncs overlapping, both durable before the first append.
    const marked = events.length > 0 ? attempt.beforeAppend() : Promise.resolve();
    marked.catch(() => undefined);
    const outcomes = await this.appender.appendAll(command, entries, streams, marked);
    if (command.type === ERASE && events.length === 0) await this.finishErasure(target.state);
    return resultOf(command, outcomes[outcomes.length - 1]!);
  }

  // A repeated erasure records nothing; it finishes whatever destruction a crash left undone.
  private async finishErasure(state: unknown): Promise<void> {
    const erased = state as { status?: unknown; erasedSubjects?: unknown } | null;
    if (erased?.status !== 'erased' || !Array.isArray(erased.erasedSubjects)) return;
    await this.options.erasure.finish(erased.erasedSubjects.map(String));
  }

  private async revisionOf(streamId: string): Promise<number> {
    const [last] = await this.options.eventStore.readStream(streamId, {
      direction: 'backwards',
      maxCount: 1,
    });
    return last?.revision ?? -1;
  }

  private async load(
    command: PreparedCommand,
    recogniseEarlierAttempts: boolean,
  ): Promise<Map<string, DecidedStream>> {
    const loaded = new Map<string, DecidedStream>();
    for (const streamId of streamsOf(command)) {
      const stream = recogniseEarlierAttempts
        ? await this.loader.loadSettingAside(streamId, command.executionId)
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
