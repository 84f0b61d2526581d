import { createHash } from 'node:crypto';

// Fixed namespace of Chronicle's derived event ids (UUID v5 of RFC 9562, over SHA-1).
const EVENT_ID_NAMESPACE = Buffer.from('3f0c9a52d1e44b7a9c1e5b8d2a6f4e10', 'hex');

/**
 * The id of the `index`-th event a command appends to a stream. Deterministic, so an append
 * retried after a crash carries the same ids and the event store recognises it instead of writing
 * it twice. A UUID, as EventStoreDB requires.
 */
export function deriveEventId(commandId: string, streamId: string, index: number): string {
  const digest = createHash('sha1')
    .update(EVENT_ID_NAMESPACE)
    .update(`${commandId}\u0000${streamId}\u0000${index}`)
    .digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
