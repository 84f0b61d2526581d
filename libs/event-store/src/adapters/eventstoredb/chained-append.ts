import { WrongExpectedVersionError } from '@eventstore/db-client';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
} from '../../event-store.port';
import { EventIdConflictError, WrongExpectedRevisionError } from '../../errors';
import { validateAppend } from '../../validate-append';
import { planAppend } from './append-plan';
import { toPortError } from './errors';
import type { EsdbClient } from './esdb-client';
import { assertNoReservedMetadata, toEventData } from './event-envelope';
import { toClientExpectedRevision } from './expected-revision';
import { KeyedQueue } from './keyed-queue';
import { readStreamEvents } from './stream-reads';

/** Events read beyond the append's own size, to recognise a retried `any` append. */
const RETRY_LOOKBACK = 32;
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
      const tail = await readStreamEvents(this.client, streamId, {
        direction: 'backwards',
        maxCount: events.length + RETRY_LOOKBACK,
      });
      tail.reverse();
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
    await this.client.appendToStream(streamId, data, { expectedRevision });
    const stored = await readStreamEvents(this.client, streamId, {
      fromRevision: first,
      maxCount: events.length,
    });
    if (stored.length !== events.length) {
      throw new Error(
        `Stream ${streamId}: wrote ${events.length} events but read back ${stored.length}`,
      );
    }
    return appendResult(streamId, stored, true);
  }
}

function appendResult(streamId: string, events: RecordedEvent[], written: boolean): AppendResult {
  const last = events[events.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events, written };
}
