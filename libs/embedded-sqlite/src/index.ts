export { BatchedWrites, type BatchedWritesOptions } from './batched-writes';
export { GroupCommitter, type Outcome } from './group-committer';
export { openDurableDatabase, type DurableDatabaseOptions } from './open-durable-database';
export { ProcessLock } from './process-lock';
export { createPrivateFile, createPrivateFolder } from './private-files';
export { type FsyncCall, WalSync } from './wal-sync';
