import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger, loadConfig } from '@chronicle/platform';
import { createApp } from '../../app.factory';
import { TOKENS, type ApiResponse } from '../../commands/testing/api-harness';

/**
 * The whole API on a free port over a data folder that outlives it, logging every line (debug
 * and up) into `logLines`: erasure tests search the folder's bytes after the app has closed, and
 * restart the app on the same folder after changing a file.
 */
export class RestartableApi {
  private constructor(
    private readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly dataDir: string,
  ) {}

  static async start(
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-erasure-e2e-')),
    logLines: string[] = [],
  ): Promise<RestartableApi> {
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: Object.entries(TOKENS)
        .map(([role, token]) => `${token}=${role}`)
        .join(';'),
    });
    const logger = new JsonLogger({ minLevel: 'verbose', write: (line) => logLines.push(line) });
    const app = await createApp(config, { logger });
    await app.listen(0, '127.0.0.1');
    return new RestartableApi(app, await app.getUrl(), dataDir);
  }

  /** Closes the app and its stores; the data folder stays for the test to inspect and remove. */
  async close(): Promise<void> {
    await this.app.close();
  }

  async accepted(type: string, body: unknown, token: string = TOKENS.service): Promise<string> {
    const response = await this.request<{ position: string }>(`/commands/${type}`, token, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`${type} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body.position;
  }

  async request<T>(
    path: string,
    token: string,
    init: { method?: string; body?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    const text = await response.text();
    const body = (text === '' ? undefined : JSON.parse(text)) as T;
    return { status: response.status, body, headers: response.headers };
  }
}
