import type { Redis } from 'ioredis';
import { closeConnection, commandConnection } from './redis-connections';

/** Answers `/health` for Redis with a PING on a connection of its own. */
export class RedisHealthProbe {
  readonly adapter = 'redis';
  private readonly connection: Redis;

  constructor(redisUrl: string) {
    this.connection = commandConnection(redisUrl, 'chronicle:health');
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  close(): Promise<void> {
    return closeConnection(this.connection);
  }
}
