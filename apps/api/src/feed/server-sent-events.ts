import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { FeedConnection } from './feed-connections';

/** Comments sent at least this often keep proxies and clients from closing an idle stream. */
export const KEEP_ALIVE_MS = 10_000;

/**
 * One Server-Sent Events response. `send` resolves only once the socket has taken the frame
 * (or the response has closed), so a reader that stops reading stops the writer: the caller pulls
 * its next events only then, and the server holds at most one frame more than the socket buffers.
 */
export class ServerSentEvents {
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    private readonly connection: FeedConnection,
    keepAliveMs = KEEP_ALIVE_MS,
  ) {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Reverse proxies that buffer responses would hold the events back.
      'X-Accel-Buffering': 'no',
    });
    response.write(': chronicle change feed\n\n');
    this.keepAlive = setInterval(() => this.comment('keep-alive'), keepAliveMs);
    response.once('close', () => clearInterval(this.keepAlive));
  }

  get closed(): boolean {
    return this.response.destroyed || this.response.writableEnded;
  }

  async send(id: string, event: string, data: string): Promise<void> {
    if (this.closed) return;
    if (this.response.write(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`)) return;
    this.connection.waitingForReader = true;
    // Whichever comes first; the other listener is removed with the abort.
    const settled = new AbortController();
    const { signal } = settled;
    try {
      await Promise.race([
        once(this.response, 'drain', { signal }),
        once(this.response, 'close', { signal }),
      ]);
    } finally {
      settled.abort();
      this.connection.waitingForReader = false;
    }
  }

  end(): void {
    clearInterval(this.keepAlive);
    if (!this.closed) this.response.end();
  }

  // A full socket gets no comment: it would only add to what the reader has not taken yet.
  private comment(text: string): void {
    if (!this.closed && !this.response.writableNeedDrain) this.response.write(`: ${text}\n\n`);
  }
}
