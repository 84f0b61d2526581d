import { createHash } from 'node:crypto';
import type { JsonValue } from './event-store.port';

/** The hash a stream's first event chains to. */
export const GENESIS_HASH = '';

export interface ChainedFields {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: JsonValue;
  metadata: JsonValue;
}

/**
 * JSON with object keys sorted at every depth and no white space, so the same value always
 * encodes to the same bytes whatever order its keys were built in (request fingerprints use it).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Plain loops and string concatenation: this runs for every appended event (bench:append).
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index] as JsonValue);
    }
    return `${text}]`;
  }
  const keys = Object.keys(value).sort();
  let text = '{';
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    if (index > 0) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`;
  }
  return `${text}}`;
}

/**
 * Stores hash what a reader will parse back, not the caller's object (which may hold `undefined`,
 * dates or class instances that JSON changes): encode once, parse back, hash the parsed value.
 */
export function toStoredJson(value: unknown): { text: string; parsed: JsonValue } {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('value is not JSON-serialisable');
  return { text, parsed: JSON.parse(text) as JsonValue };
}

/**
 * SHA-256 over the previous event's hash and this event's JSON encoding. Changing any byte of an
 * event changes its hash and so breaks the link from its successor.
 *
 * The encoding is `JSON.stringify` of the values as a reader parses them back from storage, not a
 * key-sorted canonical form: JSON round trips keep an object's key order, so writer and verifier
 * produce the same bytes, and the native encoder costs a fraction of a sorted one on the append
 * path (bench:append prints the chain's share).
 */
export function chainHash(previousHash: string, event: ChainedFields): string {
  return chainHashOfEncoded(
    previousHash,
    event,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
  );
}

/**
 * The same hash from data and metadata already encoded as stored, so the append path does not
 * encode them a second time. The body is byte for byte `JSON.stringify` of the six-element array.
 */
export function chainHashOfEncoded(
  previousHash: string,
  event: Pick<ChainedFields, 'streamId' | 'revision' | 'eventId' | 'type'>,
  dataJson: string,
  metadataJson: string,
): string {
  const body = `[${JSON.stringify(event.streamId)},${event.revision},${JSON.stringify(event.eventId)},${JSON.stringify(event.type)},${dataJson},${metadataJson}]`;
  return createHash('sha256').update(previousHash).update('\n').update(body).digest('hex');
}

export interface ChainBreak {
  revision: number;
  reason: 'hash_mismatch' | 'revision_gap';
}

/**
 * Recomputes a stream's chain from its first event and returns the first revision whose stored
 * hash does not follow, or undefined when the whole chain holds.
 */
export function findChainBreak(
  events: Iterable<ChainedFields & { hash: string }>,
): ChainBreak | undefined {
  let previousHash = GENESIS_HASH;
  let expectedRevision = 0;
  for (const event of events) {
    if (event.revision !== expectedRevision)
      return { revision: expectedRevision, reason: 'revision_gap' };
    if (chainHash(previousHash, event) !== event.hash)
      return { revision: event.revision, reason: 'hash_mismatch' };
    previousHash = event.hash;
    expectedRevision += 1;
  }
  return undefined;
}
