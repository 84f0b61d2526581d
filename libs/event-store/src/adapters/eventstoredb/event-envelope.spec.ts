import type { EventData } from '@eventstore/db-client';
import type { EventToAppend } from '../../event-store.port';
import { InvalidAppendError } from '../../errors';
import { chainHash, GENESIS_HASH } from '../../hash-chain';
import {
  assertNoReservedMetadata,
  esdbEventId,
  fromResolvedEvent,
  RESERVED_METADATA_KEY,
  toEventData,
} from './event-envelope';
import { aRecord, resolved } from './testing/records';

const event: EventToAppend = {
  eventId: '3f1c9a52-7d44-4c1e-9b1a-2f6d0e8c4a17',
  type: 'ContactRegistered',
  data: { name: 'Ada', tags: ['a'], nested: { n: 1.5 } },
  metadata: { actor: 'test' },
};

/** What the server keeps of a sent event, read back through the client. */
function storeAndRead(
  sent: EventData,
  revision: bigint,
  position: bigint,
): ReturnType<typeof resolved> {
  return resolved(
    aRecord({
      streamId: 'contact-1',
      revision,
      id: sent.id,
      type: sent.type,
      data: Buffer.from(JSON.stringify(sent.data)),
      metadata: Buffer.from(JSON.stringify(sent.metadata)),
      commit: position,
      prepare: position,
    }),
  );
}

describe('event envelope', () => {
  it('sends the event as given, with the chain hash and id under the reserved key', () => {
    const { data, hash } = toEventData('contact-1', event, 0, GENESIS_HASH);
    expect(hash).toBe(chainHash(GENESIS_HASH, { streamId: 'contact-1', revision: 0, ...event }));
    expect(data).toMatchObject({ id: event.eventId, type: event.type, data: event.data });
    expect(data.metadata).toEqual({
      actor: 'test',
      [RESERVED_METADATA_KEY]: { hash, eventId: event.eventId },
    });
  });

  it('chains each event to the hash before it', () => {
    const first = toEventData('contact-1', event, 4, 'previous');
    expect(first.hash).toBe(
      chainHash('previous', { streamId: 'contact-1', revision: 4, ...event }),
    );
    expect(toEventData('contact-1', event, 4, 'other').hash).not.toBe(first.hash);
  });

  it('reads back what was sent, the reserved key taken off and the hash beside it', () => {
    const { data, hash } = toEventData('contact-1', event, 7, 'previous');
    const position = 2n ** 53n + 11n;
    expect(
      fromResolvedEvent(storeAndRead(data, 7n, position), { commit: position, prepare: position }),
    ).toEqual({
      eventId: event.eventId,
      type: 'ContactRegistered',
      streamId: 'contact-1',
      revision: 7,
      position: '9007199254741003',
      data: event.data,
      metadata: { actor: 'test' },
      storedAt: '2025-01-02T03:04:05.678Z',
      hash,
    });
  });

  it('gives ids that are not UUIDs a stable UUID of their own and reads the original back', () => {
    const id = esdbEventId('order-42');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(esdbEventId('order-42')).toBe(id);
    expect(esdbEventId('order-43')).not.toBe(id);
    const { data } = toEventData('order-1', { ...event, eventId: 'order-42' }, 0, GENESIS_HASH);
    expect(data.id).toBe(id);
    expect(
      fromResolvedEvent(storeAndRead(data, 0n, 10n), { commit: 10n, prepare: 10n })?.eventId,
    ).toBe('order-42');
  });

  it('reads an event another tool wrote: its own id, no hash, no object data', () => {
    const foreign = aRecord({
      contentType: 'application/octet-stream',
      data: Buffer.from([1, 2, 3]),
      metadata: new Uint8Array(),
    });
    expect(fromResolvedEvent(resolved(foreign), { commit: 1n, prepare: 1n })).toMatchObject({
      eventId: foreign.id,
      data: {},
      metadata: {},
      hash: GENESIS_HASH,
    });
  });

  it('has nothing to say about a bare link', () => {
    expect(fromResolvedEvent({ commitPosition: 5n }, { commit: 5n, prepare: 5n })).toBeUndefined();
  });

  it('refuses callers that use the reserved metadata key', () => {
    const clash = { ...event, metadata: { [RESERVED_METADATA_KEY]: 'mine' } };
    expect(() => assertNoReservedMetadata('contact-1', [event, clash])).toThrow(InvalidAppendError);
    expect(() => assertNoReservedMetadata('contact-1', [event])).not.toThrow();
  });
});
