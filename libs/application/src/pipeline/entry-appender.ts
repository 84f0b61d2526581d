import type { DomainEvent, StreamEvents } from '@chronicle/domain';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  JsonObject,
  RecordedEvent,
} from '@chronicle/event-store';
import { deriveEventId } from './event-ids';
import { eventMetadata } from './event-metadata';
import type { FoldedStream } from './folded-state-cache';
import type { PreparedCommand } from './prepared-command';
import type { EventCipher, StreamLoader } from './stream-loader';

/** What one entry of a decision left on its stream. */
export interface EntryOutcome {
  streamId: string;
  revision: number;
  position: string;
  events: Array<{ eventId: string; type: string }>;
}

/** What must happen around every append, given the events in clear (indexes, erasures). */
export interface AppendHooks {
  /** Just before the events go to the store. */
  beforeAppend(events: readonly DomainEvent[]): void;
  /** The append failed: nothing of it was stored. */
  appendFailed(events: readonly DomainEvent[]): void;
  /** Once the events are stored; also run again for events an interrupted attempt stored. */
  afterAppend(events: readonly DomainEvent[]): Promise<void>;
}

/** A stream as the decision saw it, with what an earlier attempt of the command already wrote. */
export type DecidedStream = FoldedStream & { ownEvents?: readonly RecordedEvent[] };

/**
 * Appends a decision's entries in order, each expecting the revision it was decided on. An entry
 * an earlier attempt already wrote is not written again: its stored events are its outcome.
 */
export class EntryAppender {
  constructor(
    private readonly eventStore: EventStore,
    private readonly cipher: EventCipher,
    private readonly loader: StreamLoader,
    private readonly hooks: AppendHooks,
  ) {}

  /** `ready` must resolve before anything is appended (the command's idempotency marker). */
  async appendAll(
    command: PreparedCommand,
    entries: readonly StreamEvents[],
    streams: ReadonlyMap<string, DecidedStream>,
    ready: Promise<void> = Promise.resolve(),
  ): Promise<EntryOutcome[]> {
    const outcomes: EntryOutcome[] = [];
    for (const entry of entries) {
      const decidedOn = streams.get(entry.streamId);
      if (!decidedOn)
        throw new Error(`${command.type} wrote to ${entry.streamId}, which it never read`);
      outcomes.push(await this.appendEntry(command, entry, decidedOn, ready));
    }
    return outcomes;
  }

  private async appendEntry(
    command: PreparedCommand,
    { streamId, events }: StreamEvents,
    decidedOn: DecidedStream,
    ready: Promise<void>,
  ): Promise<EntryOutcome> {
    const alreadyWritten = decidedOn.ownEvents ?? [];
    if (alreadyWritten.length > 0) return storedOutcome(streamId, alreadyWritten);
    if (events.length === 0) {
      return {
        streamId,
        revision: decidedOn.revision,
        position: decidedOn.lastPosition,
        events: [],
      };
    }
    const metadata = eventMetadata(command);
    const toAppend: EventToAppend[] = await Promise.all(
      events.map(async (event, index) => ({
        eventId: deriveEventId(command.executionId, streamId, index),
        type: event.type,
        data: (await this.cipher.seal(event)) as JsonObject,
        metadata,
      })),
    );
    await ready;
    const expected = decidedOn.revision < 0 ? 'no_stream' : decidedOn.revision;
    this.hooks.beforeAppend(events);
    let result: AppendResult;
    try {
      result = await this.eventStore.append(streamId, toAppend, expected);
    } catch (error) {
      this.hooks.appendFailed(events);
      throw error;
    }
    this.loader.remember(streamId, decidedOn, events, {
      revision: result.revision,
      position: result.position,
      occurredAt: command.occurredAt,
    });
    await this.hooks.afterAppend(events);
    return storedOutcome(streamId, result.events);
  }
}

/** The outcome of an entry whose events are stored (just now, or by an earlier attempt). */
export function storedOutcome(streamId: string, stored: readonly RecordedEvent[]): EntryOutcome {
  const last = stored[stored.length - 1]!;
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: stored.map(({ eventId, type }) => ({ eventId, type })),
  };
}
