import { type DomainEvent, type StreamModel, streamModelFor } from '@chronicle/domain';
import { type EventStore, type RecordedEvent, START_POSITION } from '@chronicle/event-store';
import type { PersonalDataCipher } from '../privacy/personal-data-cipher';
import type { StoredEventParts } from '../upcasting/upcasting-reader';
import { deriveEventId } from './event-ids';
import { type FoldedStream, FoldedStateCache } from './folded-state-cache';

export type EventCipher = Pick<PersonalDataCipher, 'seal' | 'open'>;

/** Turns a stored event's data into clear data of the newest shape (decrypt, then upcast). */
export interface EventDataReader {
  read(event: StoredEventParts): Promise<{ data: Record<string, unknown> }>;
}

/** A stream folded without the events of one command, which are set aside. */
export interface StreamWithOwnEvents extends FoldedStream {
  ownEvents: RecordedEvent[];
}

/**
 * Reads streams, decrypts their personal fields, upcasts old event shapes and folds them with the
 * domain's models. Without a reader it only decrypts (every event is then taken as current).
 */
export class StreamLoader {
  constructor(
    private readonly eventStore: EventStore,
    private readonly cipher: EventCipher,
    private readonly cache = new FoldedStateCache(),
    private readonly reader?: EventDataReader,
  ) {}

  /** The stream's current fold: the cached one, brought up to date with the events after it. */
  async load(streamId: string): Promise<FoldedStream> {
    const model = streamModelFor(streamId);
    const base = this.cache.get(streamId) ?? emptyFold(model);
    const recorded = await this.eventStore.readStream(streamId, {
      fromRevision: base.revision + 1,
    });
    if (recorded.length === 0) return base;
    let state = base.state;
    for (const event of recorded) state = await this.evolve(model, state, event);
    const folded = {
      state,
      revision: last(recorded).revision,
      lastPosition: last(recorded).position,
    };
    this.cache.set(streamId, folded);
    return folded;
  }

  /**
   * Reads the whole stream and folds it without the events of the command `executionId`, which
   * it returns apart: what an earlier, interrupted attempt of the same command already wrote. They
   * are known by their derived ids (not by `metadata.commandId`, which another caller's command
   * with the same key also carries). Bypasses the cache, whose folds include those events.
   */
  async loadSettingAside(streamId: string, executionId: string): Promise<StreamWithOwnEvents> {
    const model = streamModelFor(streamId);
    const recorded = await this.eventStore.readStream(streamId);
    let state = model.initialState;
    const ownEvents: RecordedEvent[] = [];
    for (const event of recorded) {
      if (event.eventId === deriveEventId(executionId, streamId, ownEvents.length)) {
        ownEvents.push(event);
      } else state = await this.evolve(model, state, event);
    }
    if (recorded.length === 0) return { ...emptyFold(model), ownEvents };
    return {
      state,
      revision: last(recorded).revision,
      lastPosition: last(recorded).position,
      ownEvents,
    };
  }

  /** Caches the fold after an append, from the plaintext events decide produced. */
  remember(
    streamId: string,
    decidedOn: FoldedStream,
    events: readonly DomainEvent[],
    appended: { revision: number; position: string; occurredAt: string },
  ): void {
    const model = streamModelFor(streamId);
    const meta = { occurredAt: appended.occurredAt };
    const state = events.reduce(
      (folded, event) => model.evolve(folded, event, meta),
      decidedOn.state,
    );
    this.cache.set(streamId, {
      state,
      revision: appended.revision,
      lastPosition: appended.position,
    });
  }

  /** Drops every cached fold: some may hold personal data that has just been erased. */
  forgetAll(): void {
    this.cache.clear();
  }

  /** The event's personal fields in clear and its data in the newest shape, as evolve expects. */
  async open(event: RecordedEvent): Promise<DomainEvent> {
    const data = this.reader
      ? (await this.reader.read(event)).data
      : await this.cipher.open({ type: event.type, data: event.data });
    return { type: event.type, data };
  }

  private async evolve(model: StreamModel, state: unknown, event: RecordedEvent): Promise<unknown> {
    return model.evolve(state, await this.open(event), { occurredAt: occurredAtOf(event) });
  }
}

function emptyFold(model: StreamModel): FoldedStream {
  return { state: model.initialState, revision: -1, lastPosition: START_POSITION };
}

function last(events: readonly RecordedEvent[]): RecordedEvent {
  return events[events.length - 1]!;
}

// Business time; events written without it (none from this pipeline) fall back to store time.
function occurredAtOf(event: RecordedEvent): string {
  const { occurredAt } = event.metadata;
  return typeof occurredAt === 'string' ? occurredAt : event.storedAt;
}
