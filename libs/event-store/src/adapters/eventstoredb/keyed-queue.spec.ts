import { KeyedQueue } from './keyed-queue';

/** A task that runs only when the test lets it finish. */
function gate(): {
  task: () => Promise<string>;
  started: Promise<void>;
  finish: (value: string) => void;
} {
  let finish!: (value: string) => void;
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  const done = new Promise<string>((resolve) => (finish = resolve));
  return {
    task: () => {
      start();
      return done;
    },
    started,
    finish,
  };
}

describe('keyed queue', () => {
  it('runs one task per key at a time, in call order', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const first = gate();
    const a = queue.run('stream-1', first.task);
    const b = queue.run('stream-1', () => {
      order.push('second');
      return Promise.resolve('b');
    });
    await first.started;
    expect(order).toEqual([]);
    first.finish('a');
    await expect(a).resolves.toBe('a');
    await expect(b).resolves.toBe('b');
    expect(order).toEqual(['second']);
  });

  it('lets tasks under other keys run meanwhile', async () => {
    const queue = new KeyedQueue();
    const blocked = gate();
    const slow = queue.run('stream-1', blocked.task);
    await expect(queue.run('stream-2', () => Promise.resolve('free'))).resolves.toBe('free');
    blocked.finish('done');
    await slow;
  });

  it('goes on after a failed task and forgets keys with nothing queued', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('stream-1', () => Promise.reject(new Error('refused')));
    const next = queue.run('stream-1', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(queue.size).toBe(0);
  });
});
