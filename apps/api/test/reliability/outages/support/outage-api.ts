import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../../../../src/app.factory';
import { TOKENS } from '../../../../src/commands/testing/api-harness';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface StoredEvent {
  type: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
}

/**
 * The whole API (createApp, as main.ts runs it) on a free port with a temporary data folder and
 * the given extra settings, e.g. REDIS_URL: the ApiHarness takes no settings.
 */
export class OutageApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly dataDir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<OutageApi> {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-outage-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: Object.entries(TOKENS)
        .map(([role, token]) => `${token}=${role}`)
        .join(';'),
      ...env,
    });
    const app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    return new OutageApi(app, await app.getUrl(), dataDir);
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  send(type: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request(`/commands/${type}`, TOKENS.service, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  /** Sends a command that must be accepted (a test's given). */
  async accepted(type: string, body: unknown, headers: Record<string, string> = {}) {
    const answer = await this.send(type, body, headers);
    if (answer.status !== 201) {
      throw new Error(`${type} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body as { commandId: string; revision: number; position: string };
  }

  health(): Promise<Answer> {
    return this.request('/health');
  }

  async events(streamId: string, type?: string): Promise<StoredEvent[]> {
    const path = `/audit/streams/${encodeURIComponent(streamId)}`;
    const answer = await this.request<{ events: StoredEvent[] }>(path, TOKENS.auditor);
    if (answer.status !== 200) throw new Error(`audit answered ${answer.status}`);
    return answer.body.events.filter((event) => type === undefined || event.type === type);
  }

  /** The event store's head, as an operator reads it (GET /admin/projections). */
  async headPosition(): Promise<string> {
    const answer = await this.request<{ headPosition: string }>('/admin/projections', TOKENS.admin);
    if (answer.status !== 200) throw new Error(`admin answered ${answer.status}`);
    return answer.body.headPosition;
  }

  async request<T = Record<string, unknown>>(
    path: string,
    token?: string,
    init: RequestInit = {},
  ): Promise<Answer<T>> {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }
}
