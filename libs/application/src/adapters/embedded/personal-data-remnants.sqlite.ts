import type Database from 'better-sqlite3';
import type { BatchedWrites } from '@chronicle/embedded-sqlite';
import { FaultPoints } from '../../erasure/fault-points';
import type { PersonalDataRemnants } from '../../erasure/personal-data-remnants.port';
import type { SqliteIdempotencyStore } from './idempotency-store.sqlite';
import type { SqliteIdentityIndex } from './identity-index.sqlite';
import { asUnavailable, settleOn, truncateWriteAheadLog } from './sqlite-failures';

const FILE = 'The command-side store';

/**
 * Forgets erased subjects in the command side's file: identity hashes and idempotency records in
 * one transaction, then the write-ahead log is wiped. The file runs with secure_delete, so the
 * deleted rows are zeros in its pages; the wipe removes the log's older page images.
 */
export class SqlitePersonalDataRemnants implements PersonalDataRemnants {
  constructor(
    private readonly db: Database.Database,
    private readonly writes: BatchedWrites,
    private readonly identity: SqliteIdentityIndex,
    private readonly idempotency: SqliteIdempotencyStore,
    private readonly faults: FaultPoints = FaultPoints.none,
  ) {}

  async forget(subjects: readonly string[]): Promise<void> {
    try {
      await this.writes.write(() => {
        for (const subject of subjects) {
          this.identity.forgetSubject(subject);
          this.idempotency.forgetSubject(subject);
        }
      });
    } catch (error) {
      throw asUnavailable(FILE, error);
    }
    await settleOn(FILE, () => truncateWriteAheadLog(this.db, FILE));
    this.faults.reach('erase.after-remnants-forgotten');
  }
}
