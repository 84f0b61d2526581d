import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CommandSideStores,
  openCommandSideStores,
} from '../adapters/embedded/command-side-database';
import type { CommandResult } from '../pipeline/command-types';
import {
  type IdempotentAttempt,
  IdempotentExecution,
  type PriorAttempt,
} from './idempotent-execution';

const answer = (commandId: string): CommandResult => ({
  commandId,
  streamId: 'ticket-T-1',
  revision: 0,
  position: '1',
  events: [{ eventId: 'e-1', type: 'TicketOpened' }],
});

/** Work that records its marker and appends, as the pipeline does before answering. */
const appending =
  (result: CommandResult, subjects: string[] = []) =>
  async (attempt: IdempotentAttempt) => {
    attempt.concerns(subjects);
    await attempt.beforeAppend();
    return result;
  };

describe('IdempotentExecution over the embedded store', () => {
  let dataDir: string;
  let stores: CommandSideStores;
  let execution: IdempotentExecution;
  const run = (
    id: string,
    fingerprint: string,
    work: Parameters<IdempotentExecution['execute']>[3],
  ) => execution.execute(id, 'the-key', fingerprint, work);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-idempotency-'));
    stores = openCommandSideStores(join(dataDir, 'command-side.sqlite'));
    execution = new IdempotentExecution(stores.idempotency);
  });

  afterEach(async () => {
    await stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs concurrent requests with one key and fingerprint once, all sharing the answer', async () => {
    let runs = 0;
    const work = () => Promise.resolve(answer(`run-${(runs += 1)}`));
    const answers = await Promise.all(Array.from({ length: 50 }, () => run('k-1', 'fp-a', work)));

    expect(runs).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('refuses a different fingerprint while the key is in flight or answered, naming the key', async () => {
    const first = run('k-1', 'fp-a', () => Promise.resolve(answer('k-1')));
    const during = run('k-1', 'fp-b', () => Promise.resolve(answer('other')));
    await expect(during).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await first;

    await expect(run('k-1', 'fp-b', () => Promise.resolve(answer('other')))).rejects.toThrow(
      /Idempotency-Key the-key/,
    );
  });

  it('answers before its answer is kept, and shares the run with the key until it is', async () => {
    let runs = 0;
    const work = () => Promise.resolve(answer(`run-${(runs += 1)}`));
    const first = await run('k-1', 'fp-a', work);
    // The answer's write is still on its way to the disk: a retry now must not run the work again.
    const retried = await run('k-1', 'fp-a', work);
    await execution.answerSettled('k-1');

    expect(retried).toBe(first);
    expect(runs).toBe(1);
    expect(await stores.idempotency.get('k-1')).toMatchObject({ response: first });
  });

  it('keeps records of two scoped ids apart', async () => {
    await run('scope-a', 'fp-a', () => Promise.resolve(answer('from-a')));
    const other = await run('scope-b', 'fp-b', () => Promise.resolve(answer('from-b')));

    expect(other).toEqual(answer('from-b'));
  });

  it('answers from the store after a restart, without running the work', async () => {
    await run('k-1', 'fp-a', () => Promise.resolve(answer('k-1')));
    await execution.answerSettled('k-1');
    const restarted = new IdempotentExecution(stores.idempotency);
    let ran = false;

    const stored = await restarted.execute('k-1', 'the-key', 'fp-a', () => {
      ran = true;
      return Promise.resolve(answer('again'));
    });

    expect(stored).toEqual(answer('k-1'));
    expect(ran).toBe(false);
  });

  it('records nothing for a command refused before its append', async () => {
    const refused = () => Promise.reject(new Error('refused'));
    await expect(run('k-1', 'fp-a', refused)).rejects.toThrow('refused');

    expect(await stores.idempotency.get('k-1')).toBeUndefined();
  });

  it('tells the next attempt what an interrupted one was, and records its subjects', async () => {
    const priors: PriorAttempt[] = [];
    const interrupted = async (attempt: IdempotentAttempt) => {
      priors.push(attempt.prior);
      attempt.concerns(['C-1']);
      await attempt.beforeAppend();
      throw new Error('lost the disk after the marker');
    };
    await expect(run('k-1', 'fp-a', interrupted)).rejects.toThrow('lost the disk');
    await expect(run('k-1', 'fp-a', interrupted)).rejects.toThrow('lost the disk');
    const answered = await run('k-1', 'fp-b', async (attempt) => {
      priors.push(attempt.prior);
      return appending(answer('k-1'), ['C-2'])(attempt);
    });

    expect(priors).toEqual(['none', 'same-request', 'other-request']);
    expect(answered).toEqual(answer('k-1'));
    await execution.answerSettled('k-1');
    expect(await stores.idempotency.get('k-1')).toEqual({
      requestFingerprint: 'fp-b',
      response: answer('k-1'),
      subjects: ['C-1', 'C-2'],
    });
  });

  it('forgets every record that concerns an erased subject, and only those', async () => {
    await run('k-1', 'fp-a', appending(answer('k-1'), ['C-1']));
    await run('k-2', 'fp-b', appending(answer('k-2'), ['C-1', 'C-2']));
    await run('k-3', 'fp-c', appending(answer('k-3'), ['C-3']));
    await stores.drain();

    await stores.remnants.forget(['C-1']);

    expect(await stores.idempotency.get('k-1')).toBeUndefined();
    expect(await stores.idempotency.get('k-2')).toBeUndefined();
    expect(await stores.idempotency.get('k-3')).toMatchObject({ subjects: ['C-3'] });
  });
});
