// Child process for the lease take-over spec: takes lease argv[4] on Redis argv[2] under prefix
// argv[3] (lease time argv[5] ms, renewal every argv[6] ms), prints `held <token>` once it holds
// it, then keeps renewing until it is killed.
import { RedisLease } from '../../adapters/bullmq/redis-lease';

async function main(): Promise<void> {
  const [redisUrl, prefix, name, ttl, renew] = process.argv.slice(2);
  if (!redisUrl || !prefix || !name || !ttl || !renew) {
    throw new Error('usage: hold-lease <redis url> <prefix> <name> <ttl ms> <renew ms>');
  }
  const lease = await RedisLease.connect({
    redisUrl,
    prefix,
    ttlMs: Number(ttl),
    renewEveryMs: Number(renew),
    holder: `child-${process.pid}`,
  });
  const signal = new AbortController().signal;
  let held = await lease.tryAcquire(name);
  while (!held) {
    await lease.released(name, signal);
    held = await lease.tryAcquire(name);
  }
  held.lost.addEventListener('abort', () => process.stdout.write('lost\n'));
  process.stdout.write(`held ${held.token ?? ''}\n`);
  // The lease's own timers do not keep a process alive; this one lives until it is killed.
  setInterval(() => undefined, 60_000);
}

void main();
