import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiChild } from './support/api-child';
import { getJson, projectionsReport, readCaughtUpView } from './support/admin-client';
import { ReadModelCheckpoints } from './support/read-model-checkpoints';
import { datasetsAvailable, importDatasets } from './support/import-datasets';
import { ServerProcess } from './support/server-process';
import { withoutOpenStayLengths } from './support/open-stays';

// kill -9 of the API while its projectors catch up on imported real data, then a restart: the
// views must answer exactly what a clean rebuild of every projection answers (exactly once, see
// docs/projections.md). The import runs in-process before any server, so at the first start every
// projector begins at position 0 with ~2,000 events to apply.
const KEYS = 'adm-token=admin;ana-token=analyst';
const ADMIN = 'adm-token';
const ANALYST = 'ana-token';
// Empty means unset: the embedded stores and in-process rebuilds, whatever the shell exports.
const EMBEDDED = { REDIS_URL: '', MONGO_URL: '', EVENTSTORE_URL: '' };

const available = datasetsAvailable('maven-crm-sales', 'uci-incident-log');
const describeWithData = available ? describe : describe.skip;
if (!available) {
  console.warn('projection-crash e2e skipped: ../shared/datasets (maven, incident log) is missing');
}

/**
 * Kills the server as soon as some projector has committed part of the log but not all of it.
 * It reads the committed checkpoints straight from the read-model file rather than through
 * GET /admin/projections: the window is short, and a file query sees the mid-way state without
 * waiting for the server to listen. (Before the embedded subscription yielded to the event loop
 * per page, HTTP saw nothing until every projector was at the head.)
 * Each query of the file is the wait; setImmediate only lets this process breathe between them.
 */
async function killWhileCatchingUp(server: ApiChild, dataDir: string, head: string) {
  let checkpoints: ReadModelCheckpoints | undefined;
  // Not a sleep: a bound on the polling, should the server hang before opening its read store.
  const deadline = performance.now() + 30_000;
  try {
    for (; ; await new Promise(setImmediate)) {
      checkpoints ??= ReadModelCheckpoints.open(dataDir);
      const positions = [...(checkpoints?.positions() ?? [])];
      const midway = positions.find(([, position]) => position > 0n && position < BigInt(head));
      if (performance.now() > deadline) throw new Error('no projector ever committed');
      if (server.exited) throw new Error('the server exited on its own before the kill');
      if (midway) {
        await server.kill();
        return { projection: midway[0], position: String(midway[1]) };
      }
      // All six (five views and the audit's customer history) at the head: the window is gone.
      if (positions.length >= 6 && positions.every(([, position]) => position >= BigInt(head))) {
        throw new Error('every projector caught up before the kill: import more rows');
      }
    }
  } finally {
    checkpoints?.close();
  }
}

/** Every view the five view projections serve, read once they include `head`. */
async function readViews(baseUrl: string, head: string, contactId: string): Promise<unknown[]> {
  const paths = [
    '/views/pipeline',
    // A fixed window: the tickets counted do not depend on when the test runs.
    '/views/service-sla?from=2016-01-01T00:00:00Z&to=2017-01-01T00:00:00Z',
    '/views/lifecycle-funnel',
    '/views/campaigns',
    `/views/customers/${encodeURIComponent(contactId)}`,
  ];
  const views: unknown[] = [];
  // The customer's open stay counts up to the time of the read, which differs between reads.
  for (const path of paths) {
    views.push(withoutOpenStayLengths(await readCaughtUpView(baseUrl, path, head, ANALYST)));
  }
  return views;
}

async function rebuildAll(baseUrl: string, names: string[]): Promise<void> {
  const jobs = new Map<string, string>();
  for (const name of names) {
    const response = await fetch(`${baseUrl}/admin/projections/${name}/rebuild`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}` },
    });
    expect(response.status).toBe(202);
    jobs.set(name, ((await response.json()) as { jobId: string }).jobId);
  }
  // Polled by requests: the status says when each job has switched its new generation in.
  for (;;) {
    const { projections } = await projectionsReport(baseUrl, ADMIN);
    const failed = projections.find(({ error }) => error);
    if (failed) throw new Error(`${failed.name} failed: ${failed.error!.message}`);
    const finished = projections.filter(
      ({ name, rebuild }) => rebuild?.jobId === jobs.get(name) && rebuild?.finished,
    );
    if (finished.length === names.length) return;
  }
}

describeWithData('projectors killed -9 while catching up on imported data', () => {
  let dataDir: string;
  let firstRun: ApiChild | undefined;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-projection-crash-e2e-'));
  });
  afterAll(async () => {
    await firstRun?.kill();
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('after a restart, answer every view as a clean rebuild does', async () => {
    const { head, contactIds } = await importDatasets(dataDir, [
      { dataset: 'maven-crm-sales' },
      { dataset: 'uci-incident-log', limit: 50 },
    ]);
    const env = { ...EMBEDDED, CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: KEYS };

    firstRun = ApiChild.spawn(env);
    const killed = await killWhileCatchingUp(firstRun, dataDir, head);
    // The restart must finish what the kill interrupted, not find everything already done.
    expect(BigInt(killed.position)).toBeLessThan(BigInt(head));

    server = await ServerProcess.start(env);
    const { baseUrl } = server;
    // A customer with a deal history (the first account the maven import registered).
    const contactId = contactIds.find((id) => id.startsWith('maven-account-'))!;
    const recovered = await readViews(baseUrl, head, contactId);
    const { projections } = await projectionsReport(baseUrl, ADMIN);
    for (const projection of projections) expect(projection.position).toBe(head);

    await rebuildAll(
      baseUrl,
      projections.map(({ name }) => name),
    );
    const rebuilt = await readViews(baseUrl, head, contactId);

    // Nothing is appended meanwhile, so even `position` is unchanged. The SLA view's pending and
    // breached counts depend on "now", but every imported incident is closed, so they are stable.
    expect(rebuilt).toEqual(recovered);
    const customer = (
      await getJson<{ contactId: string }>(baseUrl, `/views/customers/${contactId}`, ANALYST)
    ).body;
    expect(customer.contactId).toBe(contactId);
  }, 120_000);
});
