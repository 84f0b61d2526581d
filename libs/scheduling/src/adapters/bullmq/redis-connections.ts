import IORedis, { type Redis } from 'ioredis';

/**
 * A connection for commands that should fail fast while Redis is down (scheduling, reading a
 * job): the caller sees the error and retries later, instead of waiting in an offline queue.
 */
export function commandConnection(redisUrl: string, name: string): Redis {
  return quiet(
    new IORedis(redisUrl, {
      connectionName: name,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    }),
  );
}

/** A connection for BullMQ workers, whose blocking reads must wait out Redis restarts (BullMQ's rule). */
export function workerConnection(redisUrl: string, name: string): Redis {
  return quiet(new IORedis(redisUrl, { connectionName: name, maxRetriesPerRequest: null }));
}

// ioredis prints every reconnection error of an unwatched connection; /health reports the outage.
function quiet(connection: Redis): Redis {
  connection.on('error', () => undefined);
  return connection;
}

/** Resolves once the connection is ready; rejects with the connection error otherwise. */
export async function ready(connection: Redis, timeoutMs = 5000): Promise<void> {
  if (connection.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Redis not ready in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onReady = (): void => finish();
    const onError = (error: Error): void => finish(error);
    function finish(error?: Error): void {
      clearTimeout(timer);
      connection.off('ready', onReady);
      connection.off('error', onError);
      if (error) reject(error);
      else resolve();
    }
    connection.once('ready', onReady);
    connection.once('error', onError);
  });
}

/** Closes a connection, quietly when it is already gone. */
export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

/**
 * Deletes every key under `prefix:` (SCAN + UNLINK): how tests simulate "Redis lost everything"
 * for their own prefix without flushing a Redis that other runs share.
 */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<number> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await connection.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    await closeConnection(connection);
  }
}
