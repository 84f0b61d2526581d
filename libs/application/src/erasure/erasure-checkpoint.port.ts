/**
 * Up to where a store has carried out the log's erasures: every `ContactPersonalDataErased` at or
 * before `position` has had its subjects' data destroyed there. `eventId` is the event stored at
 * that position, so a log restored from an older backup (positions reused) is noticed.
 */
export interface ErasureCheckpoint {
  position: string;
  eventId?: string;
}

/** Kept in the same file as the data it is about, so a restored backup brings its own checkpoint. */
export interface ErasureCheckpoints {
  read(): Promise<ErasureCheckpoint | undefined>;
  write(checkpoint: ErasureCheckpoint): Promise<void>;
}
