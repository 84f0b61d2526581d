import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess } from '../support/server-process';
import { accepted, headPosition, serverEnv } from './crash-support/chronicle-client';
import { scaled, SEED } from './crash-support/reliability-settings';
import { SeededRandom } from './crash-support/seeded-random';
import { soakSetup } from './crash-support/soak-journeys';
import { SoakLedger } from './crash-support/soak-ledger';
import { loadUntilKilled, retryUnanswered } from './crash-support/soak-load';
import { readViews, rebuildAll } from './crash-support/view-rebuilds';

// Crash: the server is killed -9 again and again under a realistic command load on one
// data folder. After each restart, the commands left unanswered are retried with their keys, and
// then: every command answered 201 is stored exactly once where its answer said, the streams hold
// nothing else, a repeat of an answered command answers as the first time, and every view equals
// the same view after a clean rebuild of every projection. crash.e2e-spec.ts (one kill) and
// projection-crash.e2e-spec.ts (a kill during projector catch-up) are the single-shot versions.
const ROUNDS = scaled(3, 20);
const CLIENTS = scaled(16, 32);
const KILL_AFTER = scaled({ min: 20, max: 90 }, { min: 50, max: 600 });

describe('a server killed -9 round after round under command load', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-crash-soak-'));
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    `keeps every acknowledged command once and every view equal to a rebuild (seed ${SEED})`,
    async () => {
      const random = new SeededRandom(SEED);
      const env = serverEnv(dataDir);
      const ledger = new SoakLedger();
      server = await ServerProcess.start(env);
      for (const command of soakSetup())
        ledger.record(command, await accepted(server.baseUrl, command));

      for (let round = 0; round < ROUNDS; round += 1) {
        const killAfter = random.int(KILL_AFTER.min, KILL_AFTER.max);
        const plan = { round, clients: CLIENTS, killAfter, seed: SEED };
        const load = await loadUntilKilled(server, plan);
        expect(load.refused).toEqual([]);
        // The kill caught commands in flight, so the retries below have something to prove.
        expect(load.unanswered.length).toBeGreaterThan(0);
        for (const { command, answer } of load.acknowledged) ledger.record(command, answer);

        server = await ServerProcess.start(env);
        const { baseUrl } = server;
        const retried = await retryUnanswered(baseUrl, load.unanswered);
        expect(retried.problems).toEqual([]);
        for (const { command, answer } of retried.answers) ledger.record(command, answer);

        expect(await ledger.storageProblems(baseUrl)).toEqual([]);
        expect(await ledger.repeatProblems(baseUrl, random, 10)).toEqual([]);

        const head = await headPosition(baseUrl);
        const sample = ledger.viewSample(random);
        const recovered = await readViews(baseUrl, head, sample);
        await rebuildAll(baseUrl);
        // Nothing is appended meanwhile, so even each view's `position` must be the same.
        expect(await readViews(baseUrl, head, sample)).toEqual(recovered);
      }
    },
    scaled(120_000, 1_800_000),
  );
});
