import { KeyedMutex } from './keyed-mutex';

/** A promise the test settles by hand, so ordering is shown without timers. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('KeyedMutex', () => {
  it('runs work on one key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const first = gate();
    const runs = [
      mutex.runExclusive(['a'], async () => {
        log.push('1 start');
        await first.opened;
        log.push('1 end');
      }),
      mutex.runExclusive(['a'], () => Promise.resolve(log.push('2'))),
      mutex.runExclusive(['a'], () => Promise.resolve(log.push('3'))),
    ];
    await Promise.resolve();
    first.open();
    await Promise.all(runs);

    expect(log).toEqual(['1 start', '1 end', '2', '3']);
    expect(mutex.heldKeys).toBe(0);
  });

  it('lets work on other keys run meanwhile', async () => {
    const mutex = new KeyedMutex();
    const blocker = gate();
    const blocked = mutex.runExclusive(['a'], () => blocker.opened);

    await expect(mutex.runExclusive(['b'], () => Promise.resolve('b ran'))).resolves.toBe('b ran');
    blocker.open();
    await blocked;
  });

  it('takes several keys in sorted order, so crossed requests cannot deadlock', async () => {
    const mutex = new KeyedMutex();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mutex.runExclusive(i % 2 === 0 ? ['x', 'y'] : ['y', 'x', 'y'], () => Promise.resolve(i)),
      ),
    );

    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(mutex.heldKeys).toBe(0);
  });

  it('releases the key when the work fails', async () => {
    const mutex = new KeyedMutex();

    await expect(
      mutex.runExclusive(['a'], () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(mutex.runExclusive(['a'], () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
