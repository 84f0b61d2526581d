import type Database from 'better-sqlite3';
import { FaultPoints } from '../../erasure/fault-points';
import type { PersonalDataRemnants } from '../../erasure/personal-data-remnants.port';
import type { SqliteIdempotencyStore } from './idempotency-store.sqlite';
import type { SqliteIdentityIndex } from './identity-index.sqlite';
import { settleOn, truncateWriteAheadLog, withoutBusyWait } from './sqlite-failures';

const FILE = 'The command-side store';

/**
 * Forgets erased subjects in the command side's file: identity hashes and idempotency records in
 * one transaction of its own (not a group-committed batch, so it can fail at once instead of
 * waiting for a lock), then the write-ahead log is wiped. The file runs with secure_delete, so the
 * deleted rows are zeros in its pages; the wipe removes the log's older page images.
 */
export class SqlitePersonalDataRemnants implements PersonalDataRemnants {
  private readonly forgetAll: (subjects: readonly string[]) => void;

  constructor(
    private readonly db: Database.Database,
    private readonly identity: SqliteIdentityIndex,
    private readonly idempotency: SqliteIdempotencyStore,
    private readonly faults: FaultPoints = FaultPoints.none,
  ) {
    this.forgetAll = db.transaction((subjects: readonly string[]) => {
      for (const subject of subjects) {
        this.identity.forgetSubject(subject);
        this.idempotency.forgetSubject(subject);
      }
    });
  }

  async forget(subjects: readonly string[]): Promise<void> {
    await settleOn(FILE, () => {
      withoutBusyWait(this.db, () => this.forgetAll(subjects));
      truncateWriteAheadLog(this.db, FILE);
    });
    this.faults.reach('erase.after-remnants-forgotten');
  }
}
