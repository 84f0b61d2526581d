import { EventStoreDBClient } from '@eventstore/db-client';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamsOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionBatch,
} from '../../event-store.port';
import { EventStoreUnavailableError } from '../../errors';
import { headPosition, rawHead, readAllEvents } from './all-reads';
import { ChainedAppender } from './chained-append';
import { isTransient, redactUrl, toPortError } from './errors';
import type { EsdbClient } from './esdb-client';
import { fromResolvedEvent } from './event-envelope';
import { matchesFilter, serverFilter } from './filters';
import { resumingSubscription } from './resuming-subscription';
import { readStreamEvents } from './stream-reads';
import { readStreamsByMerging } from './merged-stream-reads';

const DEFAULT_BATCH = 500;

/**
 * The event store port on EventStoreDB or KurrentDB (supported versions: README, "The real
 * servers"; stream reads carry $all positions from 22.6 on). Revisions count from 0, positions
 * are $all commit positions as decimal strings, and each event's chain hash is computed here and
 * kept in its metadata under `$chronicle`, out of the callers' sight.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly appender: ChainedAppender;
  private readonly closing = new AbortController();

  private constructor(
    private readonly client: EsdbClient,
    private readonly url: string,
  ) {
    this.appender = new ChainedAppender(client, url);
  }

  /**
   * Connects to `url` (`esdb://…` or `esdb+discover://…`) and reads $all once, so that a wrong
   * address or credentials fail here, naming the address, rather than at the first append.
   */
  static async connect(url: string): Promise<EventStoreDbEventStore> {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EventStoreUnavailableError(
        `Invalid EventStoreDB connection string ${redactUrl(url)}: ${reason}`,
        { cause: error },
      );
    }
    const store = new EventStoreDbEventStore(client, url);
    try {
      await store.headPosition();
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return store;
  }

  /** Wraps a client made elsewhere; `url` names the server in errors. */
  static fromClient(client: EsdbClient, url: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(client, url);
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closing.signal.aborted) return Promise.reject(this.closedError());
    return this.appender.append(streamId, events, expected);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.mapErrors(() => readStreamEvents(this.client, streamId, options));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.mapErrors(() => readAllEvents(this.client, options));
  }

  readStreams(
    streamIds: readonly string[],
    options: ReadStreamsOptions = {},
  ): Promise<RecordedEvent[]> {
    return readStreamsByMerging(this, streamIds, options);
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch> {
    const { filter } = options;
    return resumingSubscription({
      open: (fromPosition, checkpointReached) =>
        this.client.subscribeToAll({
          fromPosition,
          filter: serverFilter(filter, checkpointReached),
        }),
      readHead: () => rawHead(this.client),
      toItem: (resolved, position) => {
        const event = fromResolvedEvent(resolved, position);
        return {
          position,
          event: event && matchesFilter(event, filter) ? event : undefined,
          closed: position.commit === position.prepare,
        };
      },
      after: options.after,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      signal: AbortSignal.any([this.closing.signal, ...(options.signal ? [options.signal] : [])]),
      isTransient,
      toPortError: (error) => toPortError(error, { url: this.url }),
    });
  }

  headPosition(): Promise<string> {
    return this.mapErrors(() => headPosition(this.client));
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }

  private async mapErrors<T>(read: () => Promise<T>): Promise<T> {
    if (this.closing.signal.aborted) throw this.closedError();
    try {
      return await read();
    } catch (error) {
      throw toPortError(error, { url: this.url });
    }
  }

  private closedError(): EventStoreUnavailableError {
    return new EventStoreUnavailableError(`The event store on ${redactUrl(this.url)} is closed`);
  }
}
