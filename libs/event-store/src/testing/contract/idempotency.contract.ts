import type { EventStore } from '../../event-store.port';
import { WrongExpectedRevisionError } from '../../errors';
import { events, uniqueStream } from '../event-factory';

export function describeIdempotencyContract(store: () => EventStore): void {
  describe('idempotent appends', () => {
    it('a repeated append with the same ids and expectation writes nothing and answers the same', async () => {
      const stream = uniqueStream('idem');
      const batch = events(3);
      const first = await store().append(stream, batch, 'no_stream');
      const again = await store().append(stream, batch, 'no_stream');
      expect(again.written).toBe(false);
      expect(again.revision).toBe(first.revision);
      expect(again.position).toBe(first.position);
      expect(again.events.map((event) => event.eventId)).toEqual(
        batch.map((event) => event.eventId),
      );
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('recognises a retry after later appends, by the revision it expected', async () => {
      const stream = uniqueStream('idem');
      const batch = events(2);
      await store().append(stream, events(1), 'no_stream');
      await store().append(stream, batch, 0);
      await store().append(stream, events(1), 2);
      await expect(store().append(stream, batch, 0)).resolves.toMatchObject({
        written: false,
        revision: 2,
      });
      await expect(store().append(stream, batch, 'any')).resolves.toMatchObject({ written: false });
      await expect(store().append(stream, batch, 1)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store().readStream(stream)).toHaveLength(4);
    });

    it('a partial match is refused and writes nothing', async () => {
      const stream = uniqueStream('idem');
      const batch = events(2);
      await store().append(stream, batch, 'no_stream');
      const [extra] = events(1);
      // EventStoreDB reports this as a wrong expected version, the embedded store as an id
      // conflict; either way the retry is refused whole.
      await expect(store().append(stream, [batch[0]!, extra!], 'no_stream')).rejects.toMatchObject({
        code: expect.stringMatching(/^(EVENT_ID_CONFLICT|WRONG_EXPECTED_REVISION)$/) as unknown,
      });
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('concurrent repeats of one append write it once', async () => {
      const stream = uniqueStream('idem');
      const batch = events(2);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store().append(stream, batch, 'no_stream')),
      );
      expect(results.filter((result) => result.written)).toHaveLength(1);
      expect(new Set(results.map((result) => result.position)).size).toBe(1);
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });
}
