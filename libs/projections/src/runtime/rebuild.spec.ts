import { setImmediate as nextTurn } from 'node:timers/promises';
import { InProcessProjectionLease } from './projection-lease';
import { Gate } from './testing/gate';
import { RuntimeHarness } from './testing/runtime-harness';
import { appendEvents, counterProjection } from './testing/test-projections';

let harness: RuntimeHarness;
beforeEach(async () => {
  harness = await RuntimeHarness.open();
});
afterEach(() => harness.dispose());

async function totalOf(runtime: ReturnType<RuntimeHarness['runtime']>): Promise<unknown> {
  const totals = await harness.readStore.get(runtime.collection('counter', 'totals'), 'all');
  return totals?.count;
}

async function builtV1(): Promise<string> {
  const head = await appendEvents(harness.eventStore, { streams: 5, perStream: 100 });
  const v1 = harness.runtime([counterProjection({ version: 1 })]);
  await v1.start();
  await v1.waitForPosition('counter', head);
  await v1.stop();
  return head;
}

describe('ProjectorRuntime: generations and rebuilds', () => {
  it('rebuilds into a new generation at start when the version changed, then drops the old', async () => {
    const head = await builtV1();
    const gate = new Gate();
    const v2 = harness.runtime([
      counterProjection({
        version: 2,
        beforeApply: (event) => (event.position === '250' ? gate.pass() : Promise.resolve()),
      }),
    ]);

    await v2.start();
    await gate.reached;
    const during = (await v2.status()).projections[0]!;
    expect(during).toMatchObject({
      state: 'rebuilding',
      version: 1,
      generation: 1,
      position: head,
    });
    expect(during.rebuild).toMatchObject({
      generation: 2,
      version: 2,
      total: head,
      finished: false,
    });
    expect(BigInt(during.rebuild!.done)).toBeLessThan(250n);
    expect(await totalOf(v2)).toBe(500);
    gate.open();
    await v2.waitForRebuild('counter', during.rebuild!.jobId);

    const after = (await v2.status()).projections[0]!;
    expect(after).toMatchObject({
      state: 'live',
      version: 2,
      generation: 2,
      position: head,
      lag: '0',
    });
    expect(after.rebuild).toMatchObject({ done: head, total: head, finished: true });
    expect(v2.collection('counter', 'streams')).toBe('counter.g2.streams');
    expect(await totalOf(v2)).toBe(500);
    expect(await harness.readStore.find('counter.g1.totals', {})).toEqual([]);
    expect(await harness.readStore.checkpoint('counter.g1.$checkpoint')).toBeUndefined();
  });

  it('resumes an unfinished rebuild after a restart, under the same job id', async () => {
    const head = await builtV1();
    const gate = new Gate();
    const interrupted = harness.runtime([
      counterProjection({
        version: 2,
        beforeApply: (event) => (event.position === '120' ? gate.pass() : Promise.resolve()),
      }),
    ]);
    await interrupted.start();
    await gate.reached;
    const { jobId } = (await interrupted.status()).projections[0]!.rebuild!;
    const stopping = interrupted.stop();
    gate.open();
    await stopping;

    const resumed = harness.runtime([counterProjection({ version: 2 })]);
    await resumed.start();
    expect((await resumed.status()).projections[0]!.rebuild?.jobId).toBe(jobId);
    await resumed.waitForRebuild('counter', jobId);

    expect(resumed.collection('counter', 'totals')).toBe('counter.g2.totals');
    expect(resumed.position('counter')).toBe(head);
    expect(await totalOf(resumed)).toBe(500);
  });

  it('rebuilds on demand while the old generation answers every read, then switches', async () => {
    const head = await appendEvents(harness.eventStore, { streams: 20, perStream: 100 });
    const runtime = harness.runtime([counterProjection()], { batchSize: 25 });
    await runtime.start();
    await runtime.waitForPosition('counter', head);

    const { jobId } = await runtime.rebuild('counter');
    let switched = false;
    const rebuilt = runtime.waitForRebuild('counter', jobId).then(() => (switched = true));
    const answers = new Set<unknown>();
    while (!switched) {
      answers.add(await totalOf(runtime));
      await nextTurn();
    }
    await rebuilt;

    expect([...answers]).toEqual([2000]);
    expect(runtime.collection('counter', 'totals')).toBe('counter.g2.totals');
    expect(await totalOf(runtime)).toBe(2000);
    const later = await appendEvents(harness.eventStore, { streams: 1, perStream: 1 });
    await runtime.waitForPosition('counter', later);
    expect(await totalOf(runtime)).toBe(2001);
  });

  it('keeps the old generation live during a rebuild and switches no earlier than it', async () => {
    await appendEvents(harness.eventStore, { streams: 4, perStream: 50 });
    const gate = new Gate();
    let holding = false;
    const runtime = harness.runtime([
      counterProjection({
        beforeApply: (event) =>
          holding && event.position === '10' ? gate.pass() : Promise.resolve(),
      }),
    ]);
    await runtime.start();
    await runtime.waitForPosition('counter', '200');
    holding = true;
    const { jobId } = await runtime.rebuild('counter');
    await gate.reached;

    const head = await appendEvents(harness.eventStore, { streams: 4, perStream: 5 });
    await runtime.waitForPosition('counter', head);
    expect(await totalOf(runtime)).toBe(220);
    expect((await runtime.status()).projections[0]!.state).toBe('rebuilding');
    holding = false;
    gate.open();
    await runtime.waitForRebuild('counter', jobId);

    expect(runtime.position('counter')).toBe(head);
    expect(await totalOf(runtime)).toBe(220);
  });

  it('answers NOT_FOUND for a rebuild of an unknown projection', async () => {
    const runtime = harness.runtime([counterProjection()]);
    await runtime.start();

    await expect(runtime.rebuild('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('ProjectorRuntime: one worker per projection', () => {
  it('keeps a second runtime waiting for the lease, and lets it take over on stop', async () => {
    const lease = new InProcessProjectionLease();
    const first = harness.runtime([counterProjection()], { lease });
    const second = harness.runtime([counterProjection()], { lease });
    await first.start();
    await second.start();
    const head = await appendEvents(harness.eventStore, { streams: 3, perStream: 40 });
    await first.waitForPosition('counter', head);

    expect((await second.status()).projections[0]).toMatchObject({
      state: 'stopped',
      waitingForLease: true,
    });
    await first.stop();
    const later = await appendEvents(harness.eventStore, { streams: 3, perStream: 10 });
    await second.waitForPosition('counter', later);

    expect(await totalOf(second)).toBe(150);
    expect((await second.status()).projections[0]!.state).toBe('live');
  });

  it('refuses a stale worker by the checkpoint fence, so no event counts twice', async () => {
    const head = await appendEvents(harness.eventStore, { streams: 3, perStream: 200 });
    const a = harness.runtime([counterProjection()], { lease: new InProcessProjectionLease() });
    const b = harness.runtime([counterProjection()], { lease: new InProcessProjectionLease() });
    await a.start();
    await b.start();

    await Promise.any([a.waitForPosition('counter', head), b.waitForPosition('counter', head)]);

    expect(await totalOf(a)).toBe(600);
    const states = [...(await a.status()).projections, ...(await b.status()).projections];
    expect(states.map((status) => status.error?.message).filter(Boolean)).toEqual([
      expect.stringMatching(/Another worker moved the checkpoint/),
    ]);
  });
});
