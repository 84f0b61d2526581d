import type { Redis } from 'ioredis';
import { closeConnection, commandConnection } from './redis-connections';

export type RedisState = 'up' | 'down';

/**
 * Answers `/health` for Redis with a PING on a connection of its own, and watches that
 * connection so an outage and the recovery are each reported once, when they happen, rather
 * than on every failed reconnection attempt.
 */
export class RedisHealthProbe {
  readonly adapter = 'redis';
  private readonly connection: Redis;
  private state: RedisState | undefined;

  constructor(
    redisUrl: string,
    private readonly onStateChange: (state: RedisState, reason?: string) => void = () => {},
  ) {
    this.connection = commandConnection(redisUrl, 'chronicle:health');
    this.connection.on('ready', () => this.enter('up'));
    this.connection.on('error', (error: Error) => this.enter('down', error.message));
    this.connection.on('close', () => this.enter('down', 'connection closed'));
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  close(): Promise<void> {
    this.connection.removeAllListeners('close');
    return closeConnection(this.connection);
  }

  private enter(state: RedisState, reason?: string): void {
    if (this.state === state) return;
    this.state = state;
    this.onStateChange(state, reason);
  }
}
