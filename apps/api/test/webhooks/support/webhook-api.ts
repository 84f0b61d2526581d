import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../../../src/app.factory';
import { TOKENS } from '../../../src/commands/testing/api-harness';

export interface Answer<T> {
  status: number;
  body: T;
}

/**
 * The API in this process with its own data folder and CHRONICLE_WEBHOOK_ALLOWED_HOSTS as given:
 * loopback receivers are reachable only when a test lists them.
 */
export class WebhookApi {
  private constructor(
    private readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    private readonly dataDir: string,
  ) {}

  static async start(allowedHosts: string): Promise<WebhookApi> {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-webhooks-e2e-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: Object.entries(TOKENS)
        .map(([role, token]) => `${token}=${role}`)
        .join(';'),
      CHRONICLE_WEBHOOK_ALLOWED_HOSTS: allowedHosts,
    });
    const app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    return new WebhookApi(app, await app.getUrl(), dataDir);
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    token: string = TOKENS.admin,
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Sends a command that must be accepted; its answer. */
  async command(type: string, payload: unknown): Promise<{ position: string }> {
    const token = type === 'EraseContactPersonalData' ? TOKENS.admin : TOKENS.service;
    const answer = await this.call<{ position: string }>(
      'POST',
      `/commands/${type}`,
      payload,
      token,
    );
    if (answer.status !== 201)
      throw new Error(`${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}
