import type { EventStore } from '../../event-store.port';
import { anEvent, uniqueStream } from '../event-factory';

export function describeReadStreamsContract(store: () => EventStore): void {
  describe('reading several streams in global order', () => {
    // Interleaved appends to three streams, with a stream left out of every read in between.
    const interleaved = async (): Promise<{ streams: string[]; positions: string[] }> => {
      const streams = [uniqueStream('deal'), uniqueStream('order'), uniqueStream('ticket')];
      const other = uniqueStream('deal');
      const positions: string[] = [];
      for (let round = 0; round < 4; round += 1) {
        for (const streamId of streams) {
          const { position } = await store().append(streamId, [anEvent()], 'any');
          positions.push(position);
        }
        await store().append(other, [anEvent()], 'any');
      }
      return { streams, positions };
    };
    const positionsOf = async (
      streamIds: string[],
      options?: Parameters<EventStore['readStreams']>[1],
    ): Promise<string[]> =>
      (await store().readStreams(streamIds, options)).map((event) => event.position);

    it('merges the streams by position, leaving out every other stream', async () => {
      const { streams, positions } = await interleaved();

      expect(await positionsOf([...streams].reverse())).toEqual(positions);
    });

    it('pages with after and maxCount', async () => {
      const { streams, positions } = await interleaved();

      expect(await positionsOf(streams, { maxCount: 5 })).toEqual(positions.slice(0, 5));
      expect(await positionsOf(streams, { after: positions[4], maxCount: 5 })).toEqual(
        positions.slice(5, 10),
      );
      expect(await positionsOf(streams, { after: positions[9] })).toEqual(positions.slice(10));
      expect(await positionsOf(streams, { after: positions.at(-1) })).toEqual([]);
    });

    it('reads missing streams and an empty list as empty, and a repeated id once', async () => {
      const { streams, positions } = await interleaved();

      expect(await positionsOf([])).toEqual([]);
      expect(await positionsOf([uniqueStream('missing')])).toEqual([]);
      expect(await positionsOf([streams[0]!, streams[0]!])).toEqual(
        positions.filter((_, index) => index % 3 === 0),
      );
    });

    it('returns whole events, as readStream does', async () => {
      const { streams } = await interleaved();
      const [first] = await store().readStreams([streams[1]!], { maxCount: 1 });

      expect(first).toEqual((await store().readStream(streams[1]!, { maxCount: 1 }))[0]);
    });
  });
}
