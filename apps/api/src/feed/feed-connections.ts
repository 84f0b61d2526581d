import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ServerResponse } from 'node:http';

/** What `/metrics` shows of the open feed streams. */
export interface FeedStreamFigures {
  open: number;
  /** Streams whose socket is full: they read nothing more from the store until it drains. */
  waitingForReader: number;
  /** Bytes written but not yet taken by the sockets, summed. */
  bufferedBytes: number;
}

interface Connection {
  response: ServerResponse;
  waitingForReader: boolean;
}

/**
 * The long-polls and Server-Sent Event streams this process holds open. On shutdown they end at
 * once: a stream never ends by itself, and would otherwise keep the HTTP server from closing.
 */
@Injectable()
export class FeedConnections implements BeforeApplicationShutdown {
  private readonly stopping = new AbortController();
  private readonly connections = new Set<Connection>();

  /** Aborts when the server stops. */
  get shutdown(): AbortSignal {
    return this.stopping.signal;
  }

  /** Tracks a stream until its response closes; the handle says when it waits for its reader. */
  track(response: ServerResponse): Connection {
    const connection: Connection = { response, waitingForReader: false };
    this.connections.add(connection);
    response.once('close', () => this.connections.delete(connection));
    return connection;
  }

  figures(): FeedStreamFigures {
    let waitingForReader = 0;
    let bufferedBytes = 0;
    for (const { response, waitingForReader: waiting } of this.connections) {
      if (waiting) waitingForReader += 1;
      bufferedBytes += response.writableLength;
    }
    return { open: this.connections.size, waitingForReader, bufferedBytes };
  }

  beforeApplicationShutdown(): void {
    this.stopping.abort();
    for (const { response } of this.connections) response.end();
  }
}

export type FeedConnection = ReturnType<FeedConnections['track']>;
