import { close, fsync, open } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

/** The system call that makes a file's written data durable; replaceable for fault tests. */
export type FsyncCall = (fd: number) => Promise<void>;

const fsyncFile: FsyncCall = promisify(fsync);
const openFile = promisify(open);
const closeFile = promisify(close);

/**
 * Makes a WAL database's commits durable off the event loop: `sync()` fsyncs the `-wal` file on
 * libuv's thread pool and resolves once every commit made before the call is on the disk. This is
 * what `synchronous=FULL` does inside COMMIT, where it blocks the one JavaScript thread for the
 * whole fsync; done here, other work (and other files' fsyncs) run while the disk works.
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

  constructor(
    private readonly databasePath: string,
    private readonly fsync: FsyncCall = fsyncFile,
  ) {}

  sync(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (!this.running) {
      this.running = this.syncOnce().finally(() => {
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

  private async syncOnce(): Promise<void> {
    try {
      if (this.fd === undefined) {
        this.fd = await openFile(`${this.databasePath}-wal`, 'r');
        const folder = await openFile(dirname(this.databasePath), 'r');
        try {
          await this.fsync(folder);
        } finally {
          await closeFile(folder);
        }
      }
      await this.fsync(this.fd);
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw this.failure;
    }
  }
}
