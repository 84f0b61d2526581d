import { Gate } from './testing/gate';
import { observeSubscriptions } from './testing/observed-event-store';
import { RuntimeHarness } from './testing/runtime-harness';
import { appendEvents, counterProjection } from './testing/test-projections';

let harness: RuntimeHarness;
beforeEach(async () => {
  harness = await RuntimeHarness.open();
});
afterEach(() => harness.dispose());

const totalOf = async (
  runtime: ReturnType<RuntimeHarness['runtime']>,
  name: string,
): Promise<unknown> =>
  (await harness.readStore.get(runtime.collection(name, 'totals'), 'all'))?.count;

describe('ProjectorRuntime: projections at one position share their reads', () => {
  it('reads the log once for projections that start together, and counts each event once', async () => {
    const head = await appendEvents(harness.eventStore, { streams: 4, perStream: 100 });
    const observed = observeSubscriptions(harness.eventStore);
    const runtime = harness.runtime(
      [counterProjection({ name: 'one' }), counterProjection({ name: 'two' })],
      { eventStore: observed.store },
    );

    await runtime.start();
    await runtime.waitForPosition(['one', 'two'], head);
    const later = await appendEvents(harness.eventStore, { streams: 4, perStream: 5 });
    await runtime.waitForPosition(['one', 'two'], later);

    expect(observed.opened()).toBe(1);
    expect(observed.delivered()).toBe(Number(later));
    expect(await totalOf(runtime, 'one')).toBe(420);
    expect(await totalOf(runtime, 'two')).toBe(420);
  });

  it('lets a rebuild catch up on its own and then join the live projections', async () => {
    const head = await appendEvents(harness.eventStore, { streams: 4, perStream: 100 });
    const observed = observeSubscriptions(harness.eventStore);
    const runtime = harness.runtime(
      [counterProjection({ name: 'rebuilt' }), counterProjection({ name: 'steady' })],
      { eventStore: observed.store },
    );
    await runtime.start();
    await runtime.waitForPosition(['rebuilt', 'steady'], head);

    const { jobId } = await runtime.rebuild('rebuilt');
    await runtime.waitForRebuild('rebuilt', jobId);
    const later = await appendEvents(harness.eventStore, { streams: 4, perStream: 5 });
    await runtime.waitForPosition(['rebuilt', 'steady'], later);

    expect(observed.opened()).toBe(2);
    expect(observed.open()).toBe(1);
    expect(runtime.collection('rebuilt', 'totals')).toBe('rebuilt.g2.totals');
    expect(await totalOf(runtime, 'rebuilt')).toBe(420);
    expect(await totalOf(runtime, 'steady')).toBe(420);
  });

  it('stops only the projection whose checkpoint another worker moved; the page commits for the rest', async () => {
    await appendEvents(harness.eventStore, { streams: 2, perStream: 10 });
    const held = new Gate();
    const runtime = harness.runtime(
      [
        counterProjection({ name: 'fenced', beforeApply: () => held.pass() }),
        counterProjection({ name: 'steady' }),
      ],
      { batchSize: 5 },
    );
    await runtime.start();
    await held.reached;
    // Another worker commits a batch of `fenced` while this runtime's first page is in hand.
    await harness.readStore.applyBatch({
      projection: 'fenced.g1.$checkpoint',
      writes: [],
      expectedCheckpoint: undefined,
      checkpoint: '3',
    });
    held.open();

    const head = await harness.eventStore.headPosition();
    await runtime.waitForPosition('steady', head);
    const fenced = (await runtime.status()).projections.find(({ name }) => name === 'fenced');
    expect(fenced?.state).toBe('failed');
    expect(fenced?.error?.message).toMatch(/Another worker moved the checkpoint/);
    expect(await totalOf(runtime, 'fenced')).toBeUndefined();
    expect(await totalOf(runtime, 'steady')).toBe(20);
  });
});
