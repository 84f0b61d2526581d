import { randomUUID } from 'node:crypto';
import type { PlannedCommand } from '../import/import-plan';
import { type CommandSender, isRefusal, type SendOutcome } from './command-sender';

const ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 250;

interface CommandAnswer {
  streamId: string;
  position: string;
  events: unknown[];
}

interface ErrorAnswer {
  code?: string;
  message?: string;
}

/**
 * Sends commands to a running Chronicle API (`POST /commands/{type}`) with a `service` token.
 * Transient failures (network, 5xx) are retried with the same Idempotency-Key, which makes a
 * retry of a command that did get through answer as the first time.
 */
export class HttpSender implements CommandSender {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly correlationId: string = randomUUID(),
  ) {}

  async send(command: PlannedCommand): Promise<SendOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(command);
      } catch (error) {
        if (attempt >= ATTEMPTS || error instanceof NotRetriable) throw error;
        await new Promise((done) => setTimeout(done, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
      }
    }
  }

  private async attempt(command: PlannedCommand): Promise<SendOutcome> {
    const response = await fetch(new URL(`commands/${command.type}`, withSlash(this.baseUrl)), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json',
        'idempotency-key': command.idempotencyKey,
        'x-correlation-id': this.correlationId,
      },
      body: JSON.stringify(command.payload),
    });
    const body = (await response.json().catch(() => ({}))) as CommandAnswer & ErrorAnswer;
    if (response.ok) {
      const { streamId, position, events } = body;
      return { ok: true, streamId, position, events: events.length };
    }
    const message = body.message ?? response.statusText;
    if (!isRefusal(response.status)) {
      const failure = `${command.type} answered ${response.status}: ${message}`;
      // 401/403/413 will not change on a retry; 5xx may.
      throw response.status < 500 ? new NotRetriable(failure) : new Error(failure);
    }
    return { ok: false, statusCode: response.status, code: body.code ?? 'UNKNOWN', message };
  }

  /** The API has no endpoint for the head position that a `service` token may read. */
  headPosition(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

class NotRetriable extends Error {}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
