import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, readCaughtUpView } from '../../support/admin-client';
import { importDatasets } from '../../support/import-datasets';
import { ServerProcess } from '../../support/server-process';

export const KEYS = {
  analyst: 'console-analyst-key',
  auditor: 'console-auditor-key',
  admin: 'console-admin-key',
} as const;

const REPOSITORY = join(__dirname, '..', '..', '..', '..', '..');
// Empty means unset: the embedded stores and in-process work, whatever the shell exports.
const EMBEDDED = { REDIS_URL: '', MONGO_URL: '', EVENTSTORE_URL: '' };

/** The views the console's analyst pages read, waited for before the browser opens them. */
const VIEWS = [
  '/views/lifecycle-funnel',
  '/views/campaigns',
  '/views/service-sla',
  '/views/pipeline',
];

/**
 * A real API (its own process, as `npm start` runs it) over a slice of the real datasets imported
 * through the command pipeline, serving the console freshly built into dist/console.
 */
export class ConsoleServer {
  private constructor(
    private readonly server: ServerProcess,
    private readonly dataDir: string,
    readonly baseUrl: string,
    readonly contactIds: string[],
  ) {}

  static async start(): Promise<ConsoleServer> {
    // The same build `npm run build` runs, so the test serves what the sources say now.
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/console/build.ts'], {
      cwd: REPOSITORY,
      stdio: 'ignore',
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-console-e2e-'));
    const { head, contactIds } = await importDatasets(dataDir, [
      { dataset: 'maven-crm-sales', limit: 250 },
      { dataset: 'uci-incident-log', limit: 60 },
      { dataset: 'uci-bank-marketing', limit: 120 },
    ]);
    const keys = `${KEYS.analyst}=analyst;${KEYS.auditor}=auditor;${KEYS.admin}=admin`;
    const server = await ServerProcess.start({
      ...EMBEDDED,
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: keys,
      // The operations page's webhook points at this machine, which is refused unless allowed.
      CHRONICLE_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    });
    for (const view of VIEWS) await readCaughtUpView(server.baseUrl, view, head, KEYS.analyst);
    return new ConsoleServer(server, dataDir, server.baseUrl, contactIds);
  }

  /** The API's own answer, as the console's figures must show it. */
  async api<T>(path: string, key: string = KEYS.analyst): Promise<T> {
    const { status, body } = await getJson<T>(this.baseUrl, path, key);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
    return body;
  }

  send(type: string, body: unknown): Promise<{ position: string }> {
    return this.post(`/commands/${type}`, body);
  }

  /** A POST with the admin key that must answer 201. */
  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEYS.admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  async stop(): Promise<void> {
    await this.server.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
