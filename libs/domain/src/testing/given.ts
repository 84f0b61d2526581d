import { commandSpecs, type CommandType } from '../catalog';
import { type ChronicleEvent } from '../events';
import {
  DomainError,
  type CommandSpec,
  type DecideContext,
  type DomainErrorCode,
  type DomainEvent,
  type StreamEvents,
} from '../shared/decider';
import { streamModelFor } from '../stream-models';

/** Business time of the history's events unless one says otherwise. */
export const EARLIER = '2025-03-01T09:00:00.000Z';
/** Business time of the command under test unless the test says otherwise. */
export const NOW = '2025-03-02T10:00:00.000Z';

export type RecordedEvent = ChronicleEvent & { occurredAt?: string };
/** Stream id -> its events in order. */
export type History = Record<string, RecordedEvent[]>;

export type CommandOptions = Partial<Omit<DecideContext, 'related'>>;

export function at(occurredAt: string, event: ChronicleEvent): RecordedEvent {
  return { ...event, occurredAt };
}

/** Folds a stream the way the application does: its model, from the initial state. */
export function fold(streamId: string, events: readonly RecordedEvent[]): unknown {
  const model = streamModelFor(streamId);
  return events.reduce(
    (state, { occurredAt, ...event }) =>
      model.evolve(state, event as DomainEvent, { occurredAt: occurredAt ?? EARLIER }),
    model.initialState,
  );
}

/**
 * given(history).when(command, payload).thenEmits(events) | thenWrites(entries) | thenFails(code).
 * It drives a command exactly as the application will: through the catalog, folding the target
 * stream and every related stream from the history.
 */
export function given(history: History = {}) {
  return {
    when(commandType: CommandType, payload: unknown, options: CommandOptions = {}) {
      return new Outcome(history, commandType, payload, options);
    },
  };
}

class Outcome {
  private readonly targetStreamId: string;
  private readonly result: { entries: StreamEvents[] } | { error: unknown };

  constructor(
    history: History,
    commandType: CommandType,
    payload: unknown,
    options: CommandOptions,
  ) {
    const spec: CommandSpec = commandSpecs[commandType];
    this.targetStreamId = spec.streamId(payload);
    const relatedIds = spec.related?.(payload) ?? {};
    const ctx: DecideContext = {
      occurredAt: options.occurredAt ?? NOW,
      actorRoles: options.actorRoles ?? ['service'],
      duplicateCandidates: options.duplicateCandidates ?? [],
      related: Object.fromEntries(
        Object.entries(relatedIds).map(([name, id]) => [name, fold(id, history[id] ?? [])]),
      ),
    };
    const state = fold(this.targetStreamId, history[this.targetStreamId] ?? []);
    try {
      this.result = { entries: spec.decide(payload, state, ctx) };
    } catch (error) {
      this.result = { error };
    }
  }

  /** One entry, for the command's own stream, holding exactly these events. */
  thenEmits(events: ChronicleEvent[]): void {
    this.thenWrites([{ streamId: this.targetStreamId, events }]);
  }

  /** Exactly these entries, in order; the last must be the command's own stream. */
  thenWrites(entries: Array<StreamEvents<ChronicleEvent>>): void {
    const written = this.entries();
    expect(written).toEqual(entries);
    expect(written.at(-1)?.streamId).toBe(this.targetStreamId);
    // What decide writes must fold: evolve has to accept every event it can produce.
    for (const entry of written) fold(entry.streamId, entry.events as RecordedEvent[]);
  }

  thenFails(code: DomainErrorCode, message?: RegExp): void {
    if ('entries' in this.result) {
      throw new Error(`Expected ${code} but decide wrote ${JSON.stringify(this.result.entries)}`);
    }
    expect(this.result.error).toBeInstanceOf(DomainError);
    const error = this.result.error as DomainError;
    expect(error.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
  }

  /** The written entries, for assertions on a part of them. */
  entries(): StreamEvents[] {
    if ('error' in this.result) throw this.result.error;
    return this.result.entries;
  }
}
