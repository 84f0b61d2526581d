import { createHash } from 'node:crypto';
import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventToAppend, JsonObject, RecordedEvent } from '../../event-store.port';
import { InvalidAppendError } from '../../errors';
import { chainHash, GENESIS_HASH } from '../../hash-chain';
import { toRevision } from './expected-revision';
import { positionToString } from './positions';

/** The metadata key under which the adapter keeps what EventStoreDB has no field for. */
export const RESERVED_METADATA_KEY = '$chronicle';

interface Envelope {
  /** The chain hash, computed here because the server cannot. */
  hash: string;
  /** The caller's id, which need not be the UUID EventStoreDB insists on. */
  eventId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_NAMESPACE = Buffer.from('5d0c8a1e6f3b4c27a9e4b1d07c2f6e93', 'hex');

/**
 * The id EventStoreDB stores: the caller's when it is a UUID, else a name-based UUID (version 5
 * layout) derived from it, so that a retry maps to the same id and the server still deduplicates.
 */
export function esdbEventId(eventId: string): string {
  if (UUID.test(eventId)) return eventId;
  const bytes = createHash('sha1')
    .update(ID_NAMESPACE)
    .update(eventId, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function assertNoReservedMetadata(streamId: string, events: readonly EventToAppend[]): void {
  const clash = events.find((event) => RESERVED_METADATA_KEY in event.metadata);
  if (clash) {
    throw new InvalidAppendError(
      `Stream ${streamId}: event ${clash.eventId} uses the reserved metadata key ${RESERVED_METADATA_KEY}`,
    );
  }
}

/** The event to send, chained to `previousHash`, with its hash kept in the reserved metadata. */
export function toEventData(
  streamId: string,
  event: EventToAppend,
  revision: number,
  previousHash: string,
): { data: EventData; hash: string } {
  const { eventId, type, data: body, metadata } = event;
  const hash = chainHash(previousHash, { streamId, revision, eventId, type, data: body, metadata });
  const envelope: Envelope = { hash, eventId };
  const data = jsonEvent({
    id: esdbEventId(eventId),
    type,
    data: body,
    metadata: { ...metadata, [RESERVED_METADATA_KEY]: { ...envelope } },
  });
  return { data, hash };
}

/** The port's event, with the reserved metadata taken off again; undefined for a bare link. */
export function fromResolvedEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  position: Position,
): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const { [RESERVED_METADATA_KEY]: reserved, ...metadata } = isJsonObject(event.metadata)
    ? event.metadata
    : {};
  const envelope = isJsonObject(reserved) ? reserved : {};
  return {
    eventId: typeof envelope.eventId === 'string' ? envelope.eventId : event.id,
    type: event.type,
    streamId: event.streamId,
    revision: toRevision(event.revision),
    position: positionToString(position),
    // Events written by other tools may hold binary or non-object data, which the port cannot carry.
    data: event.isJson && isJsonObject(event.data) ? event.data : {},
    metadata,
    storedAt: event.created.toISOString(),
    // Without a hash the chain breaks visibly at this event instead of being silently trusted.
    hash: typeof envelope.hash === 'string' ? envelope.hash : GENESIS_HASH,
  };
}

function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}
