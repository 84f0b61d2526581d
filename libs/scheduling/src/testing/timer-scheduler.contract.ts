import type { CheckpointStore, TimerScheduler } from '../timer-scheduler.port';
import { eventually } from './eventually';
import { describeRearmWhileFiring } from './timer-rearm.contract';
import { TimerRecorder } from './timer-recorder';

export type TimerStore = TimerScheduler & CheckpointStore;

/**
 * Opens a scheduler over the storage named `store`; opening the same name again (after `stop`)
 * must see what the first instance stored, as a restarted process would. Retries must use a
 * short backoff (≤ 50 ms) so the retry test stays fast.
 */
export type OpenTimerStore = (store: string) => Promise<TimerStore>;

/** The behaviour every {@link TimerScheduler} adapter shows; each adapter's spec calls it. */
export function describeTimerSchedulerContract(adapterName: string, open: OpenTimerStore): void {
  describe(`TimerScheduler contract: ${adapterName}`, () => {
    const running: TimerStore[] = [];
    let storeCount = 0;

    async function started(store = `store${(storeCount += 1)}`) {
      const scheduler = await open(store);
      const recorder = new TimerRecorder();
      scheduler.onDue(recorder.handler);
      await scheduler.start();
      running.push(scheduler);
      return { scheduler, recorder, store };
    }

    async function stop(scheduler: TimerStore): Promise<void> {
      running.splice(running.indexOf(scheduler), 1);
      await scheduler.stop();
    }

    afterEach(async () => {
      await Promise.all(running.splice(0).map((scheduler) => scheduler.stop()));
    });

    const inMs = (ms: number) => new Date(Date.now() + ms);

    it('fires a timer at its due time with its payload', async () => {
      const { scheduler, recorder } = await started();
      const dueAt = inMs(300);
      await scheduler.schedule('t-1', dueAt, { ticketId: 'T-1', n: 1 });
      await recorder.waitFor('t-1');
      const [fire] = recorder.fires;
      expect(fire).toMatchObject({
        timerId: 't-1',
        payload: { ticketId: 'T-1', n: 1 },
        attempt: 1,
      });
      expect(fire!.dueAt.toISOString()).toBe(dueAt.toISOString());
      expect(fire!.firedAt).toBeGreaterThanOrEqual(dueAt.getTime() - 5);
      expect(fire!.firedAt - dueAt.getTime()).toBeLessThan(1000);
    });

    it('fires timers already overdue as soon as it runs', async () => {
      const { scheduler, recorder } = await started();
      await scheduler.schedule('late', new Date(Date.now() - 60_000), {});
      await recorder.waitFor('late');
      expect(recorder.fires[0]!.firedAt).toBeLessThan(Date.now() + 1);
    });

    it('keeps the first schedule of a pending id and fires it once', async () => {
      const { scheduler, recorder } = await started();
      const first = inMs(150);
      await scheduler.schedule('same', first, { v: 'first' });
      await scheduler.schedule('same', inMs(50), { v: 'second' });
      expect((await scheduler.pending('same'))?.payload).toEqual({ v: 'first' });
      await scheduler.schedule('after', inMs(400), {});
      await recorder.waitFor('after');
      expect(recorder.firesOf('same')).toHaveLength(1);
      expect(recorder.firesOf('same')[0]!.payload).toEqual({ v: 'first' });
    });

    it('never fires a cancelled timer', async () => {
      const { scheduler, recorder } = await started();
      await scheduler.schedule('cancelled', inMs(100), {});
      await scheduler.schedule('witness', inMs(300), {});
      await scheduler.cancel('cancelled');
      await scheduler.cancel('never-scheduled');
      expect(await scheduler.pending('cancelled')).toBeUndefined();
      await recorder.waitFor('witness');
      expect(recorder.firesOf('cancelled')).toHaveLength(0);
    });

    it('retries a failing handler with the attempt number, then forgets the timer', async () => {
      const { scheduler, recorder } = await started();
      recorder.failuresLeft.set('flaky', 2);
      await scheduler.schedule('flaky', inMs(0), {});
      await recorder.waitFor('flaky', 3);
      expect(recorder.firesOf('flaky').map((fire) => fire.attempt)).toEqual([1, 2, 3]);
      await eventually(async () => !(await scheduler.pending('flaky')), 'flaky forgotten');
    });

    it('forgets a fired timer, so the same id can be armed again', async () => {
      const { scheduler, recorder } = await started();
      await scheduler.schedule('again', inMs(0), { round: 1 });
      await recorder.waitFor('again');
      await eventually(async () => !(await scheduler.pending('again')), 'again forgotten');
      await scheduler.schedule('again', inMs(0), { round: 2 });
      await recorder.waitFor('again', 2);
      expect(recorder.firesOf('again').map((fire) => fire.payload)).toEqual([
        { round: 1 },
        { round: 2 },
      ]);
    });

    it('moves only a checkpoint it holds, so a lost one is noticed', async () => {
      const { scheduler } = await started();
      expect(await scheduler.saveExisting('never-saved', '7')).toBe(false);
      expect(await scheduler.load('never-saved')).toBeUndefined();
      await scheduler.save('moved', '7');
      expect(await scheduler.saveExisting('moved', '9')).toBe(true);
      expect(await scheduler.load('moved')).toBe('9');
    });

    it('keeps pending timers and checkpoints across a restart', async () => {
      const first = await started();
      const dueAt = inMs(400);
      await first.scheduler.schedule('durable', dueAt, { kept: true });
      await first.scheduler.save('feed', '42');
      await stop(first.scheduler);
      expect(first.recorder.fires).toHaveLength(0);

      const second = await started(first.store);
      expect(await second.scheduler.load('feed')).toBe('42');
      expect(await second.scheduler.load('other')).toBeUndefined();
      expect((await second.scheduler.pending('durable'))?.dueAt.toISOString()).toBe(
        dueAt.toISOString(),
      );
      await second.recorder.waitFor('durable');
      expect(second.recorder.fires[0]!.payload).toEqual({ kept: true });
    });

    describeRearmWhileFiring(open);
  });
}
