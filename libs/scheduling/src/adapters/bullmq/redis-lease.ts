import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { HeldLease, ProjectionLease } from '@chronicle/projections';
import type { Redis } from 'ioredis';
import { closeConnection, commandConnection, ready } from './redis-connections';
import { ACQUIRE, CHECK_AND_EXTEND, CHECK_AND_DELETE } from './redis-lease-scripts';
import { abortableDelay } from '../../leases/abortable-delay';

export interface RedisLeaseOptions {
  redisUrl: string;
  /** Key prefix (CHRONICLE_REDIS_PREFIX), so deployments sharing one Redis never share a lease. */
  prefix: string;
  /** How long a lease lasts without renewal: a holder killed with SIGKILL is replaced after it. Default 10 s. */
  ttlMs?: number;
  /** How often a holder renews. Default 3 s: two renewals may fail before the lease runs out. */
  renewEveryMs?: number;
  /** How often a waiter looks whether a held lease was let go early. Default 1 s. */
  lookEveryMs?: number;
  /** Names this process in the lease's value, for whoever reads Redis. Default host:pid:random. */
  holder?: string;
  /** Told when a held lease is lost, and why. */
  onLost?: (name: string, reason: string) => void;
}

export const DEFAULT_LEASE_TTL_MS = 10_000;
export const DEFAULT_LEASE_RENEW_MS = 3_000;

/**
 * A lease per name in Redis, shared by every process on that Redis: at most one holder at a time,
 * each acquisition with a fencing token from INCR (strictly greater than every earlier one).
 * Renewal and release are compare-and-set on that token (Lua), so a holder whose lease expired
 * and was taken can neither extend nor delete its successor's. A holder that cannot renew before
 * its lease would expire (Redis away, the event loop starved) aborts `lost` and must stop.
 */
export class RedisLease implements ProjectionLease {
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly lookEveryMs: number;
  private readonly holder: string;
  private readonly held = new Set<LeaseTerm>();

  private constructor(
    private readonly options: RedisLeaseOptions,
    private readonly redis: Redis,
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.renewEveryMs = options.renewEveryMs ?? DEFAULT_LEASE_RENEW_MS;
    this.lookEveryMs = options.lookEveryMs ?? 1000;
    if (this.renewEveryMs >= this.ttlMs) {
      throw new Error(
        `Lease renewal (${this.renewEveryMs} ms) must come before expiry (${this.ttlMs} ms)`,
      );
    }
    this.holder =
      options.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Connects to Redis; rejects when it does not answer. */
  static async connect(options: RedisLeaseOptions): Promise<RedisLease> {
    const redis = commandConnection(options.redisUrl, 'chronicle:leases');
    try {
      await ready(redis);
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    return new RedisLease(options, redis);
  }

  async tryAcquire(name: string): Promise<HeldLease | undefined> {
    const requestedAt = performance.now();
    const token = (await this.redis.eval(
      ACQUIRE,
      2,
      this.key(name),
      this.tokenKey(name),
      String(this.ttlMs),
      this.holder,
    )) as number | null;
    if (token === null) return undefined;
    const term = new LeaseTerm(name, String(token), `${token}/${this.holder}`, this, requestedAt);
    this.held.add(term);
    return term;
  }

  /** Resolves once the lease looks free (deleted or expired), or after `lookEveryMs`, or on abort. */
  async released(name: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    let wait = this.lookEveryMs;
    try {
      const remaining = await this.redis.pttl(this.key(name));
      if (remaining === -2) return;
      // Wake right when it expires: a dead holder is replaced within the lease time.
      if (remaining >= 0) wait = Math.min(remaining + 1, this.lookEveryMs);
    } catch {
      // Redis away: look again later; holders elsewhere lose their lease meanwhile anyway.
    }
    await abortableDelay(wait, signal);
  }

  /** The holder's value (`token/holder`) of `name`, or undefined when free: for status and tests. */
  async currentHolder(name: string): Promise<string | undefined> {
    return (await this.redis.get(this.key(name))) ?? undefined;
  }

  /** Lets go of every lease still held, so others take over now, and closes the connection. */
  async close(): Promise<void> {
    await Promise.all([...this.held].map((term) => term.release()));
    await closeConnection(this.redis);
  }

  /** @internal Renews one term's lease; false when another holder has it now. */
  async extend(name: string, value: string): Promise<boolean> {
    const extended = await this.redis.eval(
      CHECK_AND_EXTEND,
      1,
      this.key(name),
      value,
      String(this.ttlMs),
    );
    return extended === 1;
  }

  /** @internal Deletes one term's lease if it is still that term's. */
  async delete(term: LeaseTerm): Promise<void> {
    this.held.delete(term);
    await this.redis.eval(CHECK_AND_DELETE, 1, this.key(term.name), term.value);
  }

  /** @internal */
  get timings(): { ttlMs: number; renewEveryMs: number } {
    return { ttlMs: this.ttlMs, renewEveryMs: this.renewEveryMs };
  }

  /** @internal */
  reportLost(term: LeaseTerm, reason: string): void {
    this.held.delete(term);
    this.options.onLost?.(term.name, reason);
  }

  private key(name: string): string {
    return `${this.options.prefix}:chronicle-lease:${name}`;
  }

  private tokenKey(name: string): string {
    return `${this.options.prefix}:chronicle-lease-token:${name}`;
  }
}

/** One acquisition: renews until released or lost. */
class LeaseTerm implements HeldLease {
  private readonly lostController = new AbortController();
  private readonly renewal: NodeJS.Timeout;
  private expiry: NodeJS.Timeout;
  private renewing = false;
  private ended = false;

  constructor(
    readonly name: string,
    readonly token: string,
    /** What Redis holds for this term: the compare-and-set value. */
    readonly value: string,
    private readonly lease: RedisLease,
    requestedAt: number,
  ) {
    const { ttlMs, renewEveryMs } = lease.timings;
    this.expiry = this.expireAt(requestedAt + ttlMs);
    this.renewal = setInterval(() => void this.renew(), renewEveryMs);
    this.renewal.unref();
  }

  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  async release(): Promise<void> {
    if (this.ended) return;
    this.end();
    try {
      await this.lease.delete(this);
    } catch {
      // Redis away: the lease runs out on its own within its time.
    }
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.ended) return;
    this.renewing = true;
    // Counted from before the request: Redis may have set the new expiry any time after it.
    const sentAt = performance.now();
    try {
      if (await this.lease.extend(this.name, this.value)) {
        if (this.ended) return;
        clearTimeout(this.expiry);
        this.expiry = this.expireAt(sentAt + this.lease.timings.ttlMs);
      } else {
        this.lose('another holder has it: it expired before this holder renewed it');
      }
    } catch {
      // Redis away: the next renewal tries again; the expiry timer ends the lease if none succeeds.
    } finally {
      this.renewing = false;
    }
  }

  /** Loses the lease a tenth of its time before Redis would let it go: timers fire late, not early. */
  private expireAt(expiry: number): NodeJS.Timeout {
    const deadline = expiry - this.lease.timings.ttlMs / 10;
    const timer = setTimeout(
      () => this.lose('not renewed before it expired'),
      Math.max(0, deadline - performance.now()),
    );
    timer.unref();
    return timer;
  }

  private lose(reason: string): void {
    if (this.ended) return;
    this.end();
    this.lease.reportLost(this, reason);
    this.lostController.abort(new Error(`Lease ${this.name} lost: ${reason}`));
  }

  private end(): void {
    this.ended = true;
    clearInterval(this.renewal);
    clearTimeout(this.expiry);
  }
}
