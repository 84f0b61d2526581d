import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Hit {
  at: number;
  eventId: string;
  eventType: string;
  deliveryId: string;
  signature: string;
  rawBody: string;
  body: { streamId: string; revision: number; position: string; data: Record<string, unknown> };
}

/** What the receiver does with a request: answer a status (after a delay), or drop the socket. */
export type Reaction = { status: number; afterMs?: number } | 'close';

/**
 * A webhook receiver on 127.0.0.1 (a test's only kind): records every request, and answers as
 * `react` says, 200 by default. `stop` closes the port; `start` on the same port brings it back.
 */
export class LoopbackReceiver {
  readonly hits: Hit[] = [];
  react: (hit: Hit) => Reaction = () => ({ status: 200 });
  private server: Server | undefined;
  private port = 0;
  private readonly waiters: Array<() => void> = [];

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Acknowledged hits (2xx), one per event id: what a deduplicating receiver kept. */
  acknowledged(): Hit[] {
    return this.hits.filter((hit) => this.statuses.get(hit) === 200);
  }

  /** Resolves once `check` holds, re-checked at each request; rejects after `timeoutMs`. */
  async until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private readonly statuses = new Map<Hit, number>();

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const header = (name: string): string => String(request.headers[name] ?? '');
    const hit: Hit = {
      at: Date.now(),
      eventId: header('chronicle-event-id'),
      eventType: header('chronicle-event-type'),
      deliveryId: header('chronicle-delivery-id'),
      signature: header('chronicle-signature'),
      rawBody,
      body: JSON.parse(rawBody) as Hit['body'],
    };
    const reaction = this.react(hit);
    if (reaction === 'close') {
      this.record(hit, 0);
      request.socket.destroy();
      return;
    }
    if (reaction.afterMs) await new Promise((resolve) => setTimeout(resolve, reaction.afterMs));
    this.record(hit, reaction.status);
    if (!response.destroyed) response.writeHead(reaction.status).end();
  }

  private record(hit: Hit, status: number): void {
    this.hits.push(hit);
    this.statuses.set(hit, status);
    for (const wake of this.waiters.splice(0)) wake();
  }
}
