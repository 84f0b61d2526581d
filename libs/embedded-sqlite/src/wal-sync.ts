import { close, closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

/** The system call that makes a file's written data durable; replaceable for fault tests. */
export type FsyncCall = (fd: number) => Promise<void>;

const fsyncFile: FsyncCall = promisify(fsync);
const closeFile = promisify(close);

// Off the loop, an fsync costs a thread-pool round trip (a couple of hundred microseconds on a busy
// 2-core machine) and groups get smaller (the loop keeps dispatching while the disk works), which
// costs CPU: worth it only while fsyncs are slow. Only fsyncs timed on the loop count (a pool
// round trip also holds the loop's own delay), so while on the pool one fsync in PROBE_EVERY is
// done on the loop to see whether the disk got faster.
const LEAVE_LOOP_ABOVE_MS = 1;
const BACK_ON_LOOP_BELOW_MS = 0.8;
const AVERAGE_WEIGHT = 0.2;
const PROBE_EVERY = 32;

/**
 * Makes a WAL database's commits durable: `sync()` fsyncs the `-wal` file and resolves once every
 * commit made before the call is on the disk. This is what `synchronous=FULL` does inside COMMIT,
 * where it always blocks the one JavaScript thread for the whole fsync. Here a slow disk's fsyncs
 * run on libuv's thread pool instead, so other work (and other files' fsyncs) go on meanwhile;
 * while fsyncs stay fast (on average), they are done on the loop, which is cheaper than the round
 * trip to a pool thread. docs/adr/009-one-fsync-per-command-group.md has the figures.
 *
 * Calls that arrive while an fsync runs share the next one, so a busy file costs at most one fsync
 * in flight and one waiting. The first sync also fsyncs the folder, which records the log file's
 * creation (SQLite does the same for a new log when it syncs it itself).
 *
 * After a failed fsync the kernel may have dropped the unwritten pages, so no later fsync can
 * vouch for them: every later call fails too, and the owner must stop acknowledging writes.
 */
export class WalSync {
  private fd: number | undefined;
  private running: Promise<void> | undefined;
  private waiting: Promise<void> | undefined;
  private failure: Error | undefined;
  private averageMs = 0;
  private offLoop: boolean;
  private sinceProbe = 0;

  /**
   * With `fsync` given (fault tests), every fsync goes through it, off the loop; with
   * `fsyncOnLoop` as well, the rule chooses between the two as it does between the real calls.
   */
  constructor(
    private readonly databasePath: string,
    private readonly fsync?: FsyncCall,
    private readonly fsyncOnLoop?: (fd: number) => void,
  ) {
    this.offLoop = fsync !== undefined && fsyncOnLoop === undefined;
  }

  sync(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (!this.running && (!this.offLoop || this.probeDue())) return this.syncOnLoop();
    if (!this.running) {
      this.running = this.syncOffLoop().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // A sync already running may have started before the caller's commit: wait for the next one.
    this.waiting ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = undefined;
        return this.sync();
      });
    return this.waiting;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.waiting]);
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await closeFile(fd);
  }

  private syncOnLoop(): Promise<void> {
    try {
      const started = performance.now();
      (this.fsyncOnLoop ?? fsyncSync)(this.logFile());
      this.observe(performance.now() - started);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(this.failed(error));
    }
  }

  private async syncOffLoop(): Promise<void> {
    try {
      await (this.fsync ?? fsyncFile)(this.logFile());
    } catch (error) {
      throw this.failed(error);
    }
  }

  private probeDue(): boolean {
    // Fault tests that inject only the pool's fsync never probe: every fsync goes through it.
    if (this.fsync && !this.fsyncOnLoop) return false;
    this.sinceProbe += 1;
    if (this.sinceProbe < PROBE_EVERY) return false;
    this.sinceProbe = 0;
    return true;
  }

  private logFile(): number {
    if (this.fd !== undefined) return this.fd;
    const fd = openSync(`${this.databasePath}-wal`, 'r');
    const folder = openSync(dirname(this.databasePath), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
    this.fd = fd;
    return fd;
  }

  private observe(ms: number): void {
    this.averageMs += (ms - this.averageMs) * AVERAGE_WEIGHT;
    this.offLoop = this.offLoop
      ? this.averageMs >= BACK_ON_LOOP_BELOW_MS
      : this.averageMs > LEAVE_LOOP_ABOVE_MS;
  }

  private failed(error: unknown): Error {
    this.failure = error instanceof Error ? error : new Error(String(error));
    return this.failure;
  }
}
