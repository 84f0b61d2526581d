import type { DueTimer } from '../timer-scheduler.port';
import type { OpenTimerStore, TimerStore } from './timer-scheduler.contract';

/** A handler whose first delivery waits until the test lets it finish. */
function holdingHandler() {
  const fires: DueTimer[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (timer: DueTimer): Promise<void> => {
    fires.push(timer);
    for (const waiter of waiters.filter((each) => fires.length >= each.count)) waiter.resolve();
    if (fires.length === 1) await released;
  };
  const fired = (count: number): Promise<void> =>
    fires.length >= count
      ? Promise.resolve()
      : new Promise((resolve) => waiters.push({ count, resolve }));
  return { fires, handler, fired, release };
}

/**
 * A timer scheduled while it fires (a ticket reopened while its resolution timer is being
 * handled) is armed again with the new due time and payload, unless cancelled before the firing
 * ends. Part of the TimerScheduler contract; every adapter runs it.
 */
export function describeRearmWhileFiring(open: OpenTimerStore): void {
  describe('a timer scheduled again while it fires', () => {
    let scheduler: TimerStore | undefined;
    let count = 0;
    afterEach(async () => {
      await scheduler?.stop();
      scheduler = undefined;
    });

    async function started(hold: ReturnType<typeof holdingHandler>): Promise<TimerStore> {
      count += 1;
      scheduler = await open(`rearm-${count}`);
      scheduler.onDue(hold.handler);
      await scheduler.start();
      return scheduler;
    }

    it.each([
      ['cancelled, then scheduled again', true],
      ['scheduled again', false],
    ])('fires again with the new due time and payload when %s', async (_how, cancelFirst) => {
      const hold = holdingHandler();
      const timers = await started(hold);
      await timers.schedule('reopened', new Date(), { round: 1 });
      await hold.fired(1);
      if (cancelFirst) await timers.cancel('reopened');
      const dueAt = new Date(Date.now() + 200);
      await timers.schedule('reopened', dueAt, { round: 2 });
      expect(await timers.pending('reopened')).toEqual({ dueAt, payload: { round: 2 } });
      hold.release();
      await hold.fired(2);
      expect(hold.fires.map((fire) => fire.payload)).toEqual([{ round: 1 }, { round: 2 }]);
      expect(hold.fires[1]!.dueAt).toEqual(dueAt);
    });

    it('does not fire again when cancelled after being armed again', async () => {
      const hold = holdingHandler();
      const timers = await started(hold);
      await timers.schedule('closed', new Date(), { round: 1 });
      await hold.fired(1);
      await timers.schedule('closed', new Date(), { round: 2 });
      await timers.cancel('closed');
      await timers.schedule('witness', new Date(Date.now() + 300), {});
      hold.release();
      await hold.fired(2);
      expect(hold.fires.map((fire) => fire.timerId)).toEqual(['closed', 'witness']);
    });
  });
}
