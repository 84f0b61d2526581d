import { Logger } from '@nestjs/common';
import { ChronicleError } from '@chronicle/platform';
import type { CommandResult } from '../pipeline/command-types';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.port';

/**
 * What is known of earlier attempts under the same key that left no answer: none, one with the
 * same request (it may have appended before it was interrupted), or one with another request.
 */
export type PriorAttempt = 'none' | 'same-request' | 'other-request';

/** One run of a keyed command, as the pipeline sees it. */
export interface IdempotentAttempt {
  prior: PriorAttempt;
  /** Names contacts whose personal data the command carries; their erasure removes the record. */
  concerns(subjects: Iterable<string>): void;
  /**
   * Stores the in-progress marker before the command's first append: it tells a later attempt to
   * look for events this one appended before a crash. Refused commands never get this far, so
   * they leave no record.
   */
  beforeAppend(): Promise<void>;
}

/** The attempt of a command without a key: nothing to record. */
export const UNRECORDED_ATTEMPT: IdempotentAttempt = {
  prior: 'none',
  concerns: () => undefined,
  beforeAppend: () => Promise.resolve(),
};

/**
 * Runs each scoped key's command once: a stored answer is returned as it is, a different request
 * under a used key is refused, and concurrent requests with one key in this process share one
 * execution (single flight). Errors are not recorded, so a refused command can be sent again.
 */
export class IdempotentExecution {
  private readonly logger = new Logger('Idempotency');
  private readonly inFlight = new Map<
    string,
    { fingerprint: string; result: Promise<CommandResult>; settled: Promise<void> }
  >();

  constructor(private readonly store: IdempotencyStore) {}

  /** `recordId` is the scoped key; `key` is the caller's own, for messages. */
  execute(
    recordId: string,
    key: string,
    fingerprint: string,
    work: (attempt: IdempotentAttempt) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    const running = this.inFlight.get(recordId);
    if (running) {
      return running.fingerprint === fingerprint ? running.result : Promise.reject(keyReused(key));
    }
    const run = this.runOnce(recordId, key, fingerprint, work);
    const forget = (): void => {
      if (this.inFlight.get(recordId) === entry) this.inFlight.delete(recordId);
    };
    // A failed run is forgotten before its caller hears of it, so a retry runs the work again;
    // a successful one is shared until its answer is kept, not only until it is given.
    const result = run.then(
      ({ response }) => response,
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    const settled = run.then(
      ({ recorded }) => recorded.finally(forget),
      () => undefined,
    );
    const entry = { fingerprint, result, settled };
    this.inFlight.set(recordId, entry);
    return result;
  }

  /** Resolves once the answer of the run under `recordId`, if any, is recorded (or failed to be). */
  answerSettled(recordId: string): Promise<void> {
    return this.inFlight.get(recordId)?.settled ?? Promise.resolve();
  }

  private async runOnce(
    recordId: string,
    key: string,
    fingerprint: string,
    work: (attempt: IdempotentAttempt) => Promise<CommandResult>,
  ): Promise<{ response: CommandResult; recorded: Promise<void> }> {
    const record = await this.store.get(recordId);
    if (record?.response) {
      if (record.requestFingerprint !== fingerprint) throw keyReused(key);
      return { response: record.response, recorded: Promise.resolve() };
    }
    const subjects = new Set<string>();
    const attempt: IdempotentAttempt = {
      prior: !record
        ? 'none'
        : record.requestFingerprint === fingerprint
          ? 'same-request'
          : 'other-request',
      concerns: (more) => {
        for (const subject of more) subjects.add(subject);
      },
      // Another request's marker keeps its fingerprint until this one succeeds: if that request
      // did append, its own retry must still recognise it.
      beforeAppend: async () => {
        const marker = markerFor(record, fingerprint, subjects);
        if (marker) await this.store.put(recordId, marker);
      },
    };
    const response = await work(attempt);
    const answer = { requestFingerprint: fingerprint, response, subjects: [...subjects] };
    // Not awaited before answering: the events are durable and the marker says so, so a retry
    // that finds no answer (lost with a crash, or not yet written) recognises them and answers
    // the same. Waiting would add a whole fsync to every keyed command's latency.
    const recorded = this.store.put(recordId, answer).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `The answer to a command could not be recorded; a retry rebuilds it: ${reason}`,
      );
    });
    return { response, recorded };
  }
}

function markerFor(
  record: IdempotencyRecord | undefined,
  fingerprint: string,
  subjects: ReadonlySet<string>,
): IdempotencyRecord | undefined {
  const known = new Set(record?.subjects ?? []);
  if (record && [...subjects].every((subject) => known.has(subject))) return undefined;
  return {
    requestFingerprint: record?.requestFingerprint ?? fingerprint,
    response: null,
    subjects: [...new Set([...known, ...subjects])],
  };
}

export function keyReused(key: string): ChronicleError {
  return new ChronicleError(
    'IDEMPOTENCY_KEY_REUSED',
    `Idempotency-Key ${key} was already used for a different request`,
  );
}
