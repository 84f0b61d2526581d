import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { listeningUrl } from '../../support/server-process';

export const TOKENS = {
  service: 'svc-token',
  admin: 'adm-token',
  auditor: 'aud-token',
  analyst: 'ana-token',
};
const API_KEYS = Object.entries(TOKENS)
  .map(([role, token]) => `${token}=${role}`)
  .join(';');

/**
 * The API in a child process on `dataDir`, optionally with a fault point armed: the child then
 * kills itself (SIGKILL) when an erasure reaches it, and `exited` tells the test it is gone.
 */
export class ApiProcess {
  readonly exited: Promise<NodeJS.Signals | number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    this.exited =
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve(child.signalCode ?? child.exitCode)
        : new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  }

  static async start(dataDir: string, fault?: string): Promise<ApiProcess> {
    const main = join(__dirname, '..', '..', '..', 'src', 'main.ts');
    const env: Record<string, string> = {
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: API_KEYS,
      ...(fault !== undefined && { CHRONICLE_FAULT: fault }),
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', main], {
      env: { ...process.env, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const baseUrl = await listeningUrl(child);
    return new ApiProcess(child, baseUrl);
  }

  /** Kills the process without warning (SIGKILL) unless it is gone already, and waits for it. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = (text === '' ? undefined : (JSON.parse(text.split('\n')[0]!) as unknown)) as T;
    return { status: response.status, body: parsed, text };
  }

  /** Sends a command that must be accepted; returns its answer. */
  async accepted(
    type: string,
    body: unknown,
    { token = TOKENS.service, key }: { token?: string; key?: string } = {},
  ): Promise<{ position: string; events: unknown[] }> {
    const headers: Record<string, string> = key ? { 'Idempotency-Key': key } : {};
    const answer = await this.request<{ position: string; events: unknown[] }>(
      'POST',
      `/commands/${type}`,
      token,
      body,
      headers,
    );
    if (answer.status !== 201) throw new Error(`${type} answered ${answer.status}: ${answer.text}`);
    return answer.body;
  }
}
