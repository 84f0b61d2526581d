import {
  type ChronicleEvent,
  type ContactRegisteredData,
  isChronicleEventType,
} from '@chronicle/domain';
import type { EventLike } from './event-fields';

/**
 * ContactRegistered as the store holds it. Projections read stored data, not the upcast view
 * (`UpcastingReader` runs in the application layer): a version-0 event keeps the whole name in
 * `name` instead of `firstName`/`lastName`, and the first imports did not always carry a stage or
 * a lead status, so those may be absent.
 */
export type StoredContactRegisteredData = Omit<
  ContactRegisteredData,
  'lifecycleStage' | 'leadStatus'
> &
  Partial<Pick<ContactRegisteredData, 'lifecycleStage' | 'leadStatus'>> & { name?: string };

/**
 * A stored event narrowed to the domain's union, so `switch (event.type)` types `event.data`.
 * Personal fields (the domain's `personalFields`: names, address, custom values, free text) stay
 * sealed as stored, `enc:v1:…` strings whatever their type says, so read them as opaque values.
 */
export type ProjectedEvent =
  | Exclude<ChronicleEvent, { type: 'ContactRegistered' }>
  | { type: 'ContactRegistered'; data: StoredContactRegisteredData };

export type ProjectedEventType = ProjectedEvent['type'];

/** The events of the given types: what one projection's `switch` must cover. */
export type ProjectedEventOf<T extends ProjectedEventType> = Extract<ProjectedEvent, { type: T }>;

/** The events whose types a projection's set names: `EventsIn<typeof HANDLED>`. */
export type EventsIn<S extends ReadonlySet<ProjectedEventType>> =
  S extends ReadonlySet<infer T extends ProjectedEventType> ? ProjectedEventOf<T> : never;

/**
 * The typed view of `event` when its type is one of `types` (the ones a projection handles, so
 * tsc and the exhaustiveness rule check its `switch` covers each); undefined otherwise, and the
 * projection skips it as it always has. The data is trusted to match its type: every event is
 * appended by a decider through the command pipeline, which writes the union's shapes.
 */
export function projectedEvent<T extends ProjectedEventType>(
  event: Pick<EventLike, 'type' | 'data'>,
  types: ReadonlySet<T>,
): ProjectedEventOf<T> | undefined {
  if (!isChronicleEventType(event.type) || !types.has(event.type as T)) return undefined;
  return { type: event.type, data: event.data } as ProjectedEventOf<T>;
}
