import type { EventStore } from '../../event-store.port';
import { comparePositions } from '../../event-store.port';
import { collectFromSubscription } from '../collect';
import { anEvent, events, uniqueStream } from '../event-factory';
import { expectStrictlyIncreasing } from '../event-store.contract';

export function describeSubscriptionContract(store: () => EventStore): void {
  describe('subscriptions', () => {
    it('catch up, then follow live appends, seeing each event exactly once in order', async () => {
      const start = await store().headPosition();
      const tag = uniqueStream('sub');
      await store().append(`${tag}-old`, events(10), 'any');
      const expected = 10 + 20 * 5;
      const collecting = collectFromSubscription(
        store(),
        { after: start, filter: { streamPrefixes: [tag] }, batchSize: 7 },
        (seen) => seen.length >= expected,
      );
      // Appends race with the subscription's reads.
      await Promise.all(
        Array.from({ length: 20 }, async (_, writer) => {
          for (let index = 0; index < 5; index += 1)
            await store().append(`${tag}-${writer}`, events(1), 'any');
        }),
      );
      const { events: seen } = await collecting;
      expect(seen).toHaveLength(expected);
      expect(new Set(seen.map((event) => event.eventId)).size).toBe(expected);
      expectStrictlyIncreasing(seen.map((event) => event.position));
      const stored = (
        await store().readAll({ after: start, filter: { streamPrefixes: [tag] } })
      ).map((event) => event.eventId);
      expect(seen.map((event) => event.eventId)).toEqual(stored);
    });

    it('resumes after the position it is given', async () => {
      const stream = uniqueStream('resume');
      const first = await store().append(stream, events(3), 'no_stream');
      await store().append(stream, events(2), 2);
      const { events: seen } = await collectFromSubscription(
        store(),
        { after: first.position, filter: { streamPrefixes: [stream] } },
        (all) => all.length >= 2,
      );
      expect(seen.map((event) => event.revision)).toEqual([3, 4]);
    });

    it('moves its checkpoint past events its filter leaves out', async () => {
      const start = await store().headPosition();
      const tag = uniqueStream('skip');
      await store().append(`${tag}-a`, [anEvent('Wanted')], 'any');
      const last = await store().append(`${tag}-b`, events(3, 'Unwanted'), 'any');
      const { events: seen } = await collectFromSubscription(
        store(),
        { after: start, filter: { eventTypePrefixes: ['Wanted'], streamPrefixes: [tag] } },
        (_, checkpoint) => comparePositions(checkpoint, last.position) >= 0,
      );
      expect(seen.map((event) => event.type)).toEqual(['Wanted']);
    });

    it('started at the head, waits for the next append and hands it out', async () => {
      const stream = uniqueStream('head');
      await store().append(stream, events(2), 'no_stream');
      const head = await store().headPosition();
      const collecting = collectFromSubscription(
        store(),
        { after: head, filter: { streamPrefixes: [stream] } },
        (seen) => seen.length >= 1,
      );
      const later = await store().append(stream, events(1), 1);
      const { events: seen } = await collecting;
      expect(seen.map((event) => event.eventId)).toEqual([later.events[0]!.eventId]);
    });

    it('hands out at most batchSize events at a time', async () => {
      const start = await store().headPosition();
      const stream = uniqueStream('batch');
      await store().append(stream, events(10), 'no_stream');
      const sizes: number[] = [];
      const controller = new AbortController();
      let total = 0;
      for await (const batch of store().subscribe({
        after: start,
        filter: { streamPrefixes: [stream] },
        batchSize: 4,
        signal: controller.signal,
      })) {
        sizes.push(batch.events.length);
        total += batch.events.length;
        if (total >= 10) controller.abort();
      }
      expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
      expect(total).toBe(10);
    });
  });
}
