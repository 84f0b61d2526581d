import { ChronicleError } from '@chronicle/platform';
import type { CommandResult } from '../pipeline/command-types';
import type { IdempotencyStore } from './idempotency-store.port';

/**
 * What is known of earlier attempts under the same key that left no answer: none, one with the
 * same request (it may have appended before it was interrupted), or one with another request.
 */
export type PriorAttempt = 'none' | 'same-request' | 'other-request';

/**
 * Runs each Idempotency-Key's command once: a stored answer is returned as it is, a different
 * request under a used key is refused, and concurrent requests with one key in this process share
 * one execution (single flight). Errors are not recorded, so a refused command can be sent again.
 */
export class IdempotentExecution {
  private readonly inFlight = new Map<
    string,
    { fingerprint: string; result: Promise<CommandResult> }
  >();

  constructor(private readonly store: IdempotencyStore) {}

  execute(
    key: string,
    fingerprint: string,
    work: (prior: PriorAttempt) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    const running = this.inFlight.get(key);
    if (running) {
      return running.fingerprint === fingerprint ? running.result : Promise.reject(keyReused(key));
    }
    const result = this.runOnce(key, fingerprint, work).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, { fingerprint, result });
    return result;
  }

  private async runOnce(
    key: string,
    fingerprint: string,
    work: (prior: PriorAttempt) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    const record = await this.store.get(key);
    if (record?.response) {
      if (record.requestFingerprint !== fingerprint) throw keyReused(key);
      return record.response;
    }
    // The marker tells a later attempt to look for events this one appended before a crash.
    // Another request's marker stays until this one succeeds: if that request did append, its
    // own retry must still recognise it.
    if (!record) await this.store.put(key, { requestFingerprint: fingerprint, response: null });
    const prior: PriorAttempt = !record
      ? 'none'
      : record.requestFingerprint === fingerprint
        ? 'same-request'
        : 'other-request';
    const response = await work(prior);
    await this.store.put(key, { requestFingerprint: fingerprint, response });
    return response;
  }
}

export function keyReused(key: string): ChronicleError {
  return new ChronicleError(
    'IDEMPOTENCY_KEY_REUSED',
    `Idempotency-Key ${key} was already used for a different request`,
  );
}
