import { WrongExpectedVersionError } from '@eventstore/db-client';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
} from '../../event-store.port';
import {
  AppendOutcomeUnknownError,
  EventIdConflictError,
  WrongExpectedRevisionError,
} from '../../errors';
import { validateAppend } from '../../validate-append';
import { planAppend } from './append-plan';
import { mayHaveWritten, redactUrl, toPortError } from './errors';
import type { EsdbClient } from './esdb-client';
import { assertNoReservedMetadata, toEventData } from './event-envelope';
import { toClientExpectedRevision } from './expected-revision';
import { KeyedQueue } from './keyed-queue';
import { readStreamEvents } from './stream-reads';
import { readTail } from './tail-read';

/** Writes lost to another process's append before giving up; each retry re-reads the stream. */
const MAX_WRITE_ATTEMPTS = 20;

/**
 * Appends with the integrity chain, which EventStoreDB cannot compute: read the stream's tail,
 * decide, and write at exactly the revision read, so the hash chained to is still the last one.
 * If another process writes in between, the server refuses and the append starts over from a fresh
 * read, whatever the caller's mode: under `any` or `stream_exists` writing anyway would fork the
 * chain. Appends to one stream from this process queue up instead of racing.
 */
export class ChainedAppender {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly client: EsdbClient,
    private readonly url: string,
  ) {}

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    assertNoReservedMetadata(streamId, events);
    return this.queue.run(streamId, async () => {
      try {
        return await this.appendInTurn(streamId, events, expected);
      } catch (error) {
        throw toPortError(error, { url: this.url, streamId, expected });
      }
    });
  }

  private async appendInTurn(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = events.map((event) => event.eventId);
    for (let attempt = 1; ; attempt += 1) {
      const tail = await readTail(this.client, streamId, expected, ids);
      let plan = planAppend(expected, tail, ids);
      if (plan.action === 'read-target') {
        const target = await readStreamEvents(this.client, streamId, {
          fromRevision: plan.fromRevision,
          maxCount: ids.length,
        });
        plan = planAppend(expected, tail, ids, target);
      }
      switch (plan.action) {
        case 'replay':
          return appendResult(streamId, plan.events, false);
        case 'conflict':
          throw new EventIdConflictError(streamId, plan.eventId);
        case 'refuse':
          throw new WrongExpectedRevisionError(streamId, expected, plan.actual);
        case 'read-target':
          throw new Error(
            `Stream ${streamId}: revision ${plan.fromRevision} asked for after reading it`,
          );
        case 'write':
          try {
            return await this.write(streamId, events, plan.head, plan.previousHash);
          } catch (error) {
            const raced =
              error instanceof WrongExpectedVersionError && attempt < MAX_WRITE_ATTEMPTS;
            if (!raced) throw error;
          }
      }
    }
  }

  /**
   * Writes, then reads the events back for the server's positions and timestamps. When two
   * processes write the same ids at the same revision at once, both are told `written: true`: the
   * server takes the second for a retry and answers it exactly as the first, so it cannot be told.
   * A write sent but not answered, or answered but not readable back, has an unknown outcome.
   */
  private async write(
    streamId: string,
    events: readonly EventToAppend[],
    head: number | undefined,
    previousHash: string,
  ): Promise<AppendResult> {
    const first = head === undefined ? 0 : head + 1;
    let hash = previousHash;
    const data = events.map((event, index) => {
      const chained = toEventData(streamId, event, first + index, hash);
      hash = chained.hash;
      return chained.data;
    });
    const expectedRevision = toClientExpectedRevision(head === undefined ? 'no_stream' : head);
    try {
      await this.client.appendToStream(streamId, data, { expectedRevision });
    } catch (error) {
      if (!mayHaveWritten(error)) throw error;
      throw this.outcomeUnknown(streamId, 'no answer came, so it may or may not be stored', error);
    }
    let stored: RecordedEvent[];
    try {
      stored = await readStreamEvents(this.client, streamId, {
        fromRevision: first,
        maxCount: events.length,
      });
    } catch (error) {
      throw this.outcomeUnknown(streamId, 'it was stored but could not be read back', error);
    }
    const ids = events.map((event) => event.eventId);
    if (stored.length !== events.length || stored.some((event, i) => event.eventId !== ids[i])) {
      // A follower behind the leader (nodePreference=follower) may not show the write yet.
      throw this.outcomeUnknown(
        streamId,
        `it was stored but reading it back found ${stored.length} of its ${events.length} events`,
      );
    }
    return appendResult(streamId, stored, true);
  }

  private outcomeUnknown(streamId: string, why: string, cause?: unknown): Error {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    return new AppendOutcomeUnknownError(
      streamId,
      `Append to ${streamId} on EventStoreDB at ${redactUrl(this.url)}: ${why}${reason}. ` +
        'Retrying it with the same event ids is safe: a stored append is recognised',
      { cause },
    );
  }
}

function appendResult(streamId: string, events: RecordedEvent[], written: boolean): AppendResult {
  const last = events[events.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events, written };
}
