import type { AppendResult, EventStore } from '../../event-store.port';
import { WrongExpectedRevisionError } from '../../errors';
import { events, uniqueStream } from '../event-factory';

async function settle(
  appends: Promise<AppendResult>[],
): Promise<{ won: AppendResult[]; lost: unknown[] }> {
  const outcomes = await Promise.allSettled(appends);
  return {
    won: outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])),
    lost: outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    ),
  };
}

export function describeConcurrencyContract(store: () => EventStore): void {
  describe('concurrent appends', () => {
    it('of writers expecting the same revision, exactly one wins', async () => {
      const stream = uniqueStream('race');
      await store().append(stream, events(1), 'no_stream');
      const { won, lost } = await settle(
        Array.from({ length: 50 }, () => store().append(stream, events(2), 0)),
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const error of lost) expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('of writers racing to create a stream, exactly one wins', async () => {
      const stream = uniqueStream('race');
      const { won } = await settle(
        Array.from({ length: 20 }, () => store().append(stream, events(1), 'no_stream')),
      );
      expect(won).toHaveLength(1);
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('200 writers on one stream with any: every event once, revisions without gaps', async () => {
      const stream = uniqueStream('race');
      const appends = Array.from({ length: 200 }, () => events(1));
      const { won } = await settle(appends.map((batch) => store().append(stream, batch, 'any')));
      expect(won).toHaveLength(200);
      const stored = await store().readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual(
        Array.from({ length: 200 }, (_, index) => index),
      );
      expect(new Set(stored.map((event) => event.eventId))).toEqual(
        new Set(appends.map((batch) => batch[0]!.eventId)),
      );
    });

    it('writers on many streams each keep their own order', async () => {
      const streams = Array.from({ length: 20 }, () => uniqueStream('many'));
      await Promise.all(
        streams.map(async (stream) => {
          for (let revision = 0; revision < 5; revision += 1) {
            await store().append(stream, events(1), revision === 0 ? 'no_stream' : revision - 1);
          }
        }),
      );
      for (const stream of streams) {
        expect((await store().readStream(stream)).map((event) => event.revision)).toEqual([
          0, 1, 2, 3, 4,
        ]);
      }
    });
  });
}
