import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TOKENS } from '../../src/commands/testing/api-harness';
import { RestartableApi } from '../../src/audit/testing/restartable-api';
import { cliVerify } from './support/cli-verify';
import { buildWorld, copyOf, type IntegrityWorld } from './support/integrity-world';
import { deleteEvents, editData, rewriteHistory } from './support/tamper';

interface Problem {
  kind: string;
  streamId?: string;
  revision?: number;
  position?: string;
}
interface VerifyAnswer {
  ok: boolean;
  events: number;
  head: string;
  problems: Problem[];
}

// Each tampering is done on the files of a stopped server, then looked for three ways: by the
// offline CLI against the checkpoint saved before, by GET /audit/verify after a restart (the
// server's own checkpoint covers every event), and on /health.
describe('tampering with a stopped server’s event file', () => {
  let world: IntegrityWorld;
  const folders: string[] = [];

  beforeAll(async () => {
    world = await buildWorld();
  });

  afterAll(() => {
    for (const folder of [world.dataDir, ...folders])
      rmSync(folder, { recursive: true, force: true });
  });

  async function detect(
    tamper: (dataDir: string) => void,
    expected: Problem,
    alsoCheck?: (api: RestartableApi) => Promise<void>,
  ): Promise<void> {
    const dataDir = copyOf(world);
    folders.push(dataDir);
    tamper(dataDir);

    const offline = await cliVerify('--data-dir', dataDir, '--checkpoint', world.checkpointFile);
    expect(offline.code).toBe(1);
    const named = [expected.kind, expected.position && `position ${expected.position}`]
      .filter(Boolean)
      .join(' at ');
    expect(offline.stderr).toContain(`FAILED: ${named}`);

    const api = await RestartableApi.start(dataDir);
    try {
      const verify = await api.request<VerifyAnswer>('/audit/verify', TOKENS.auditor);
      expect(verify.status).toBe(200);
      expect(verify.body.ok).toBe(false);
      expect(verify.body.problems[0]).toMatchObject(expected);

      const health = await api.request<{ status: string; integrity: { status: string } }>(
        '/health',
        TOKENS.auditor,
      );
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', integrity: { status: 'failed' } });
      await alsoCheck?.(api);
    } finally {
      await api.close();
    }
  }

  it('finds an edited event', async () => {
    const { campaignLaunched } = world.positions;
    await detect(
      (dataDir) => editData(dataDir, campaignLaunched, { campaignId: 'CMP-1', budget: 5 }),
      {
        kind: 'edited',
        streamId: 'campaign-CMP-1',
        revision: 0,
        position: campaignLaunched,
      },
    );
  });

  it('finds an event deleted from the middle of a stream', async () => {
    const { dealOpened } = world.positions;
    await detect((dataDir) => deleteEvents(dataDir, [dealOpened]), {
      kind: 'missing',
      streamId: 'deal-D-1',
      revision: 0,
      position: dealOpened,
    });
  });

  it("finds a stream's tail cut off, which its chain alone cannot show", async () => {
    const { campaignCompleted } = world.positions;
    await detect((dataDir) => deleteEvents(dataDir, [campaignCompleted]), {
      kind: 'truncated',
      streamId: 'campaign-CMP-1',
      position: campaignCompleted,
    });
  });

  it('finds the log cut short, and the customer verify sees the streams that lost their tails', async () => {
    const { dealWon, last } = world.positions;
    await detect(
      (dataDir) => deleteEvents(dataDir, [dealWon, last]),
      { kind: 'truncated', position: dealWon },
      async (api) => {
        const customer = await api.request<{ ok: boolean; streams: unknown[] }>(
          '/audit/customers/C-1/verify',
          TOKENS.auditor,
        );
        expect(customer.body.ok).toBe(false);
        expect(customer.body.streams).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ streamId: 'deal-D-1', ok: false, firstBadRevision: 2 }),
            expect.objectContaining({ streamId: 'contact-C-1', ok: false }),
          ]),
        );
      },
    );
  });

  it('finds a history rewritten with recomputed hashes', async () => {
    const { dealOpened } = world.positions;
    await detect(
      (dataDir) =>
        rewriteHistory(dataDir, dealOpened, {
          dealId: 'D-1',
          contactId: 'C-1',
          name: 'forged',
          amount: 1,
        }),
      {
        kind: 'edited',
        streamId: 'deal-D-1',
        revision: 0,
        position: dealOpened,
      },
    );
  });

  it('still finds a rewritten history when the tree was thrown away too, given a saved checkpoint', async () => {
    const dataDir = copyOf(world);
    folders.push(dataDir);
    rewriteHistory(dataDir, world.positions.dealOpened, { dealId: 'D-1', name: 'forged' });
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(dataDir, `integrity.sqlite${suffix}`), { force: true });

    const offline = await cliVerify('--data-dir', dataDir, '--checkpoint', world.checkpointFile);

    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain(`FAILED: checkpoint at position ${world.checkpoint.position}`);
  });

  it('passes the untouched folder', async () => {
    const offline = await cliVerify(
      '--data-dir',
      world.dataDir,
      '--checkpoint',
      world.checkpointFile,
    );

    expect(offline).toMatchObject({ code: 0, stderr: '' });
    expect(offline.stdout).toContain(
      `OK: ${world.checkpoint.treeSize} events up to position ${world.positions.last}`,
    );
  });
});
