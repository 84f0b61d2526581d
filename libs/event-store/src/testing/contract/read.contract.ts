import type { EventStore } from '../../event-store.port';
import { anEvent, events, uniqueStream } from '../event-factory';
import { expectStrictlyIncreasing } from '../event-store.contract';

export function describeReadContract(store: () => EventStore): void {
  describe('reading', () => {
    it('a missing stream reads as empty', async () => {
      await expect(store().readStream(uniqueStream('missing'))).resolves.toEqual([]);
    });

    it('reads a stream forwards and backwards from a revision', async () => {
      const stream = uniqueStream('read');
      await store().append(stream, events(5), 'no_stream');
      const revisions = async (
        options: Parameters<EventStore['readStream']>[1],
      ): Promise<number[]> =>
        (await store().readStream(stream, options)).map((event) => event.revision);
      expect(await revisions({})).toEqual([0, 1, 2, 3, 4]);
      expect(await revisions({ fromRevision: 2, maxCount: 2 })).toEqual([2, 3]);
      expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
      expect(await revisions({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([
        3, 2,
      ]);
      expect(await revisions({ direction: 'backwards', maxCount: 1 })).toEqual([4]);
    });

    it('reads all events after a position, in commit order', async () => {
      const before = await store().headPosition();
      const a = uniqueStream('read');
      const b = uniqueStream('read');
      const first = await store().append(a, events(2), 'any');
      const second = await store().append(b, events(1), 'any');
      const third = await store().append(a, events(1), 'any');
      const all = await store().readAll({ after: before });
      const ours = all.filter((event) => event.streamId === a || event.streamId === b);
      expect(ours.map((event) => event.eventId)).toEqual(
        [...first.events, ...second.events, ...third.events].map((event) => event.eventId),
      );
      expectStrictlyIncreasing(all.map((event) => event.position));
      const afterFirst = await store().readAll({ after: first.position, maxCount: 1 });
      expect(afterFirst[0]?.position).not.toBe(first.position);
      expect(await store().headPosition()).toBe(all[all.length - 1]!.position);
    });

    it('filters readAll by event-type and stream prefixes', async () => {
      const before = await store().headPosition();
      const tag = uniqueStream('f');
      await store().append(
        `${tag}Contact-1`,
        [anEvent('ContactRegistered'), anEvent('ContactMoved')],
        'any',
      );
      await store().append(`${tag}Ticket-1`, [anEvent('TicketOpened')], 'any');
      const types = async (filter: Parameters<EventStore['readAll']>[0]): Promise<string[]> =>
        (await store().readAll({ after: before, ...filter }))
          .filter((event) => event.streamId.startsWith(tag))
          .map((event) => event.type);
      expect(await types({ filter: { streamPrefixes: [`${tag}Ticket`] } })).toEqual([
        'TicketOpened',
      ]);
      expect(await types({ filter: { eventTypePrefixes: ['ContactReg', 'TicketO'] } })).toEqual([
        'ContactRegistered',
        'TicketOpened',
      ]);
      expect(
        await types({
          filter: { eventTypePrefixes: ['Contact'], streamPrefixes: [`${tag}Contact`] },
        }),
      ).toEqual(['ContactRegistered', 'ContactMoved']);
    });

    it('treats prefix characters literally', async () => {
      const before = await store().headPosition();
      const tag = uniqueStream('lit');
      await store().append(`${tag}_a%`, events(1), 'any');
      await store().append(`${tag}Xa`, events(1), 'any');
      await store().append(`${tag.toUpperCase()}_a%`, events(1), 'any');
      const found = await store().readAll({
        after: before,
        filter: { streamPrefixes: [`${tag}_a%`] },
      });
      expect(found.map((event) => event.streamId)).toEqual([`${tag}_a%`]);
    });
  });
}
