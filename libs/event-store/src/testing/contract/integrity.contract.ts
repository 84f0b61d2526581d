import type { EventStore } from '../../event-store.port';
import { chainHash, findChainBreak, GENESIS_HASH } from '../../hash-chain';
import { anEvent, events, uniqueStream } from '../event-factory';

export function describeIntegrityContract(store: () => EventStore): void {
  describe('integrity chain', () => {
    it('chains every event to the previous event of its stream', async () => {
      const stream = uniqueStream('chain');
      await store().append(stream, events(2), 'no_stream');
      await store().append(stream, [anEvent('Other', { amount: 12.5, note: 'é' })], 1);
      const stored = await store().readStream(stream);
      expect(stored[0]!.hash).toBe(chainHash(GENESIS_HASH, stored[0]!));
      expect(stored[2]!.hash).toBe(chainHash(stored[1]!.hash, stored[2]!));
      expect(findChainBreak(stored)).toBeUndefined();
    });

    it('names the first revision whose content no longer matches its hash', async () => {
      const stream = uniqueStream('chain');
      await store().append(stream, events(4), 'no_stream');
      const stored = await store().readStream(stream);
      const tampered = stored.map((event) =>
        event.revision === 2 ? { ...event, data: { ...event.data, index: 99 } } : event,
      );
      expect(findChainBreak(tampered)).toEqual({ revision: 2, reason: 'hash_mismatch' });
    });
  });
}
