import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CommandSideStores,
  openCommandSideStores,
} from '../adapters/embedded/command-side-database';
import type { CommandResult } from '../pipeline/command-types';
import { IdempotentExecution, type PriorAttempt } from './idempotent-execution';

const answer = (commandId: string): CommandResult => ({
  commandId,
  streamId: 'ticket-T-1',
  revision: 0,
  position: '1',
  events: [{ eventId: 'e-1', type: 'TicketOpened' }],
});

describe('IdempotentExecution over the embedded store', () => {
  let dataDir: string;
  let stores: CommandSideStores;
  let execution: IdempotentExecution;

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
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => execution.execute('k-1', 'fp-a', work)),
    );

    expect(runs).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('refuses a different fingerprint while the key is in flight or answered', async () => {
    const first = execution.execute('k-1', 'fp-a', () => Promise.resolve(answer('k-1')));
    const during = execution.execute('k-1', 'fp-b', () => Promise.resolve(answer('other')));
    await expect(during).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await first;

    await expect(
      execution.execute('k-1', 'fp-b', () => Promise.resolve(answer('other'))),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers from the store after a restart, without running the work', async () => {
    await execution.execute('k-1', 'fp-a', () => Promise.resolve(answer('k-1')));
    const restarted = new IdempotentExecution(stores.idempotency);
    let ran = false;

    const stored = await restarted.execute('k-1', 'fp-a', () => {
      ran = true;
      return Promise.resolve(answer('again'));
    });

    expect(stored).toEqual(answer('k-1'));
    expect(ran).toBe(false);
  });

  it('records no error: the next attempt runs, told what the earlier one was', async () => {
    const priors: PriorAttempt[] = [];
    const failing = (prior: PriorAttempt) => {
      priors.push(prior);
      return Promise.reject(new Error('refused'));
    };
    await expect(execution.execute('k-1', 'fp-a', failing)).rejects.toThrow('refused');
    await expect(execution.execute('k-1', 'fp-a', failing)).rejects.toThrow('refused');
    const answered = await execution.execute('k-1', 'fp-b', (prior) => {
      priors.push(prior);
      return Promise.resolve(answer('k-1'));
    });

    expect(priors).toEqual(['none', 'same-request', 'other-request']);
    expect(answered).toEqual(answer('k-1'));
    expect(await stores.idempotency.get('k-1')).toEqual({
      requestFingerprint: 'fp-b',
      response: answer('k-1'),
    });
  });
});
