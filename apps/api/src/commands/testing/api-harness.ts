import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../../app.factory';

export const TOKENS = {
  service: 'service-token',
  auditor: 'auditor-token',
  admin: 'admin-token',
  analyst: 'analyst-token',
} as const;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  storedAt: string;
  hash: string;
}

export interface CommandAnswer {
  commandId: string;
  streamId: string;
  revision: number;
  position: string;
  events: Array<{ eventId: string; type: string }>;
}

export interface SendOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string;
}

/** The whole API on a free port with a temporary data folder, as main.ts would run it. */
export class ApiHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<ApiHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-commands-e2e-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: Object.entries(TOKENS)
        .map(([role, token]) => `${token}=${role}`)
        .join(';'),
    });
    const app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    return new ApiHarness(app, await app.getUrl(), dataDir);
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  send<T = Record<string, unknown>>(
    type: string,
    body: unknown,
    options: SendOptions = {},
  ): Promise<ApiResponse<T>> {
    return this.request<T>(`/commands/${type}`, {
      method: 'POST',
      token: options.token ?? TOKENS.service,
      headers: { 'Content-Type': 'application/json', ...options.headers },
      body: options.raw ?? JSON.stringify(body),
    });
  }

  /** Sends a command that must be accepted (a test's given), failing loudly otherwise. */
  async accepted(type: string, body: unknown, options: SendOptions = {}): Promise<CommandAnswer> {
    const response = await this.send<CommandAnswer>(type, body, options);
    if (response.status !== 201) {
      throw new Error(`${type} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  async streamEvents(streamId: string, query = ''): Promise<StoredEvent[]> {
    const response = await this.request<{ events: StoredEvent[] }>(
      `/audit/streams/${encodeURIComponent(streamId)}${query}`,
      { token: TOKENS.auditor },
    );
    if (response.status !== 200) throw new Error(`audit answered ${response.status}`);
    return response.body.events;
  }

  async request<T>(
    path: string,
    init: { method?: string; token?: string; headers?: Record<string, string>; body?: string },
  ): Promise<ApiResponse<T>> {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    const text = await response.text();
    const body = (text === '' ? undefined : JSON.parse(text)) as T;
    return { status: response.status, body, headers: response.headers };
  }
}
