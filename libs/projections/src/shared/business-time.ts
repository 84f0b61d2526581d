import type { JsonObject } from '@chronicle/event-store';
import { type EventLike, occurredAtOf } from './event-fields';

/**
 * Business-time answers (`validAt`): the world as it stood at a business moment is the fold of
 * the facts whose `occurredAt` is at or before it, taken in business-time order with ties broken
 * by global position, whatever order they were recorded in. An entity document keeps its own
 * facts in that order (only the fields its fold reads, never personal data), so a view can fold
 * any entity to any moment without going back to the event store.
 */

/** One fact of an entity's history, as an as-of fold reads it. */
export interface Fact {
  type: string;
  /** Global position, a decimal string: breaks ties of business time. */
  position: string;
  /** Business time, UTC ISO (as `occurredAtOf` normalises it). */
  occurredAt: string;
  /** The event's fields the fold reads; personal fields are left out. */
  data: JsonObject;
}

/** `event` as a fact keeping only the `fields` of its data that are present. */
export function factOf(event: EventLike, fields: readonly string[]): Fact {
  const data: JsonObject = {};
  for (const field of fields) {
    const value = event.data[field];
    if (value !== undefined) data[field] = value;
  }
  return { type: event.type, position: event.position, occurredAt: occurredAtOf(event), data };
}

/** Orders by business time, then by global position. */
export function compareBusinessTime(
  a: Pick<Fact, 'occurredAt' | 'position'>,
  b: Pick<Fact, 'occurredAt' | 'position'>,
): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  return comparePositions(a.position, b.position);
}

/** Compares two canonical decimal positions (they may exceed 2^53). */
export function comparePositions(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `facts` with `fact` in its business-time place. A fact already held (same position) is not
 * added twice: a batch replayed after a crash leaves the history as it was.
 */
export function withFact(facts: readonly Fact[] | undefined, fact: Fact): Fact[] {
  const held = facts ?? [];
  if (held.some((existing) => existing.position === fact.position)) return [...held];
  // Facts mostly arrive in business-time order, so search from the end.
  let index = held.length;
  while (index > 0 && compareBusinessTime(held[index - 1]!, fact) > 0) index -= 1;
  return [...held.slice(0, index), fact, ...held.slice(index)];
}

/** The facts that had happened by `validAt` (UTC ISO, inclusive): a prefix of the history. */
export function factsAsOf(facts: readonly Fact[], validAt: string): readonly Fact[] {
  let end = 0;
  while (end < facts.length && facts[end]!.occurredAt <= validAt) end += 1;
  return facts.slice(0, end);
}

/** A fact in the shape folds take, with its business time where `occurredAtOf` reads it. */
export function factAsEvent(fact: Fact): EventLike {
  return {
    type: fact.type,
    position: fact.position,
    data: fact.data,
    metadata: { occurredAt: fact.occurredAt },
  };
}

/**
 * Folds the facts that had happened by `validAt` with `evolve`, the same pure fold the live
 * projection uses, from `initial` (usually undefined: the entity did not exist yet).
 */
export function foldAsOf<D>(
  facts: readonly Fact[],
  validAt: string,
  evolve: (document: D | undefined, event: EventLike) => D | undefined,
  initial?: D,
): D | undefined {
  let document = initial;
  for (const fact of factsAsOf(facts, validAt)) document = evolve(document, factAsEvent(fact));
  return document;
}
