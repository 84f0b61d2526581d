import { comparePositions } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import { RuntimeHarness } from './testing/runtime-harness';
import { appendEvents, counterProjection } from './testing/test-projections';

let harness: RuntimeHarness;
beforeEach(async () => {
  harness = await RuntimeHarness.open();
});
afterEach(() => harness.dispose());

const countsOf = (documents: Array<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    documents.map((document): [string, unknown] => [String(document._id), document.count]),
  );

describe('ProjectorRuntime: applying events', () => {
  it('applies every event once and reports the projection live at the head', async () => {
    const head = await appendEvents(harness.eventStore, { streams: 3, perStream: 120 });
    const runtime = harness.runtime([counterProjection()]);

    await runtime.start();
    await runtime.waitForPosition('counter', head);

    expect(countsOf(await harness.documents(runtime, 'counter', 'streams'))).toEqual({
      'stream-0': 120,
      'stream-1': 120,
      'stream-2': 120,
    });
    const { projections, headPosition } = await runtime.status();
    expect(headPosition).toBe(head);
    expect(projections).toEqual([
      {
        name: 'counter',
        version: 1,
        generation: 1,
        state: 'live',
        position: head,
        headPosition: head,
        lag: '0',
      },
    ]);
  });

  it('names physical collections by projection and generation', async () => {
    const runtime = harness.runtime([counterProjection({ name: 'funnel' })]);
    await runtime.start();

    expect(runtime.collection('funnel', 'streams')).toBe('funnel.g1.streams');
    expect(() => runtime.collection('funnel', 'nope')).toThrow(/no collection "nope"/);
  });

  it('stopped mid-way and restarted, counts every event exactly once', async () => {
    await appendEvents(harness.eventStore, { streams: 10, perStream: 200 });
    const first = harness.runtime([counterProjection()]);
    await first.start();
    await first.waitForPosition('counter', '500');
    await first.stop();
    const stoppedAt = first.position('counter');
    const head = await appendEvents(harness.eventStore, { streams: 10, perStream: 10 });
    expect(comparePositions(stoppedAt, head)).toBeLessThan(0);

    const second = harness.runtime([counterProjection()]);
    await second.start();
    await second.waitForPosition('counter', head);

    const counts = countsOf(await harness.documents(second, 'counter', 'streams'));
    expect(Object.values(counts)).toEqual(Array.from({ length: 10 }, () => 210));
    expect(await harness.documents(second, 'counter', 'totals')).toEqual([
      { _id: 'all', count: 2100, lastPosition: head },
    ]);
  });

  it("moves a filtered projection's checkpoint to the head past events it ignores", async () => {
    await appendEvents(harness.eventStore, { streams: 2, perStream: 300, prefix: 'contact' });
    await appendEvents(harness.eventStore, { streams: 2, perStream: 3, prefix: 'order' });
    const runtime = harness.runtime([
      counterProjection({ name: 'orders', filter: { streamPrefixes: ['order-'] } }),
    ]);
    await runtime.start();
    const head = await appendEvents(harness.eventStore, {
      streams: 1,
      perStream: 5,
      prefix: 'contact',
    });

    await runtime.waitForPosition('orders', head);

    expect(runtime.position('orders')).toBe(head);
    expect(countsOf(await harness.documents(runtime, 'orders', 'streams'))).toEqual({
      'order-0': 3,
      'order-1': 3,
    });
  });

  it('stops a failing projection at the failing event while the others keep going', async () => {
    await appendEvents(harness.eventStore, { streams: 4, perStream: 30 });
    const poison = (await harness.eventStore.readStream('stream-2'))[17]!;
    const runtime = harness.runtime([
      counterProjection({ name: 'fragile', failOn: (event) => event.eventId === poison.eventId }),
      counterProjection({ name: 'steady' }),
    ]);
    await runtime.start();
    const head = await appendEvents(harness.eventStore, { streams: 4, perStream: 1 });

    await runtime.waitForPosition('steady', head);
    const before = String(BigInt(poison.position) - 1n);
    const fragile = (await runtime.status()).projections.find(({ name }) => name === 'fragile');
    expect(fragile).toMatchObject({
      state: 'failed',
      position: before,
      error: {
        generation: 1,
        message: 'Cannot count Counted',
        position: before,
        event: {
          eventId: poison.eventId,
          type: 'Counted',
          streamId: 'stream-2',
          position: poison.position,
        },
      },
    });
    const totals = await harness.documents(runtime, 'fragile', 'totals');
    expect(totals).toEqual([{ _id: 'all', count: Number(before), lastPosition: before }]);
    await expect(runtime.waitForPosition('fragile', head, 20)).rejects.toMatchObject({
      code: 'NOT_CAUGHT_UP',
    });
  });
});

describe('ProjectorRuntime: read-your-writes', () => {
  it('resolves as soon as the checkpoint passes the position', async () => {
    const runtime = harness.runtime([counterProjection()]);
    await runtime.start();
    let resolved = false;
    const waiting = runtime.waitForPosition('counter', '3').then(() => (resolved = true));

    await appendEvents(harness.eventStore, { streams: 1, perStream: 2 });
    await runtime.waitForPosition('counter', '2');
    expect(resolved).toBe(false);
    await appendEvents(harness.eventStore, { streams: 1, perStream: 1 });

    await waiting;
    expect(runtime.position('counter')).toBe('3');
  });

  it('waits for every named projection', async () => {
    const runtime = harness.runtime([
      counterProjection({ name: 'a' }),
      counterProjection({ name: 'b' }),
    ]);
    await runtime.start();
    const head = await appendEvents(harness.eventStore, { streams: 2, perStream: 5 });

    await runtime.waitForPosition(['a', 'b'], head);

    expect(runtime.position(['a', 'b'])).toBe(head);
  });

  it('answers NOT_CAUGHT_UP when the position is not reached in time', async () => {
    const runtime = harness.runtime([counterProjection()]);
    await runtime.start();

    const error = await runtime
      .waitForPosition('counter', '1', 10)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChronicleError);
    expect(error).toMatchObject({
      code: 'NOT_CAUGHT_UP',
      details: { minPosition: '1', position: '0' },
    });
  });
});
