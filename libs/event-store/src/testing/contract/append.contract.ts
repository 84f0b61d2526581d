import type { EventStore } from '../../event-store.port';
import { InvalidAppendError, WrongExpectedRevisionError } from '../../errors';
import { anEvent, events, uniqueStream } from '../event-factory';

export function describeAppendContract(store: () => EventStore): void {
  describe('append and expected revisions', () => {
    it('numbers a new stream from revision 0 and returns the last position', async () => {
      const stream = uniqueStream('append');
      const result = await store().append(stream, events(3), 'no_stream');
      expect(result.revision).toBe(2);
      expect(result.written).toBe(true);
      expect(result.events.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(result.position).toBe(result.events[2]!.position);
      const next = await store().append(stream, events(1), 2);
      expect(next.revision).toBe(3);
    });

    it('stores type, data and metadata as given', async () => {
      const stream = uniqueStream('append');
      const event = anEvent('ContactRegistered', {
        name: 'Ada',
        tags: ['a', 'b'],
        nested: { n: 1.5 },
      });
      await store().append(stream, [event], 'any');
      const [stored] = await store().readStream(stream);
      expect(stored).toMatchObject({
        eventId: event.eventId,
        type: 'ContactRegistered',
        streamId: stream,
        revision: 0,
        data: { name: 'Ada', tags: ['a', 'b'], nested: { n: 1.5 } },
        metadata: { actor: 'test' },
      });
      expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('no_stream refuses an existing stream and writes nothing', async () => {
      const stream = uniqueStream('append');
      await store().append(stream, events(1), 'no_stream');
      const refused = store().append(stream, events(1), 'no_stream');
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ streamId: stream, actual: 0 });
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('stream_exists refuses a missing stream and accepts an existing one', async () => {
      const stream = uniqueStream('append');
      await expect(store().append(stream, events(1), 'stream_exists')).rejects.toMatchObject({
        code: 'WRONG_EXPECTED_REVISION',
        actual: 'no_stream',
      });
      expect(await store().readStream(stream)).toHaveLength(0);
      await store().append(stream, events(1), 'any');
      await expect(store().append(stream, events(1), 'stream_exists')).resolves.toMatchObject({
        revision: 1,
      });
    });

    it('an exact revision must equal the last revision', async () => {
      const stream = uniqueStream('append');
      await expect(store().append(stream, events(1), 0)).rejects.toMatchObject({
        actual: 'no_stream',
      });
      await store().append(stream, events(2), 'no_stream');
      await expect(store().append(stream, events(1), 0)).rejects.toMatchObject({
        expected: 0,
        actual: 1,
      });
      await expect(store().append(stream, events(1), 2)).rejects.toMatchObject({ actual: 1 });
      await expect(store().append(stream, events(1), 1)).resolves.toMatchObject({ revision: 2 });
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('any appends whatever the stream holds', async () => {
      const stream = uniqueStream('append');
      await store().append(stream, events(1), 'any');
      await expect(store().append(stream, events(1), 'any')).resolves.toMatchObject({
        revision: 1,
      });
    });

    it('refuses malformed appends before writing', async () => {
      const stream = uniqueStream('append');
      const twice = anEvent();
      await expect(store().append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store().append(stream, [twice, twice], 'any')).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      await expect(store().append(stream, events(1), -1)).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      expect(await store().readStream(stream)).toHaveLength(0);
    });
  });
}
