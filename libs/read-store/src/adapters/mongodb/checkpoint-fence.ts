import type { ClientSession, Collection } from 'mongodb';
import { CheckpointMovedError, type ProjectionBatch } from '../../read-store.port';
import { isDuplicateKey } from './errors';

export interface CheckpointDocument {
  _id: string;
  position: string;
}

/**
 * Moves the batch's checkpoint inside its transaction, or throws CheckpointMovedError (its
 * `actual` left for the caller to read once the transaction is over). A first batch inserts the
 * checkpoint, and a duplicate key means another got there first; later ones update it only where
 * it still holds the expected value. Either way the fence is a write, so two transactions racing
 * from one checkpoint conflict on that document and at most one commits.
 */
export async function moveCheckpoint(
  checkpoints: Collection<CheckpointDocument>,
  batch: ProjectionBatch,
  session: ClientSession,
): Promise<void> {
  const { projection, expectedCheckpoint, checkpoint } = batch;
  if (expectedCheckpoint === undefined) {
    try {
      await checkpoints.insertOne({ _id: projection, position: checkpoint }, { session });
    } catch (error) {
      if (isDuplicateKey(error)) throw new CheckpointMovedError(projection, undefined, undefined);
      throw error;
    }
    return;
  }
  const moved = await checkpoints.updateOne(
    { _id: projection, position: expectedCheckpoint },
    { $set: { position: checkpoint } },
    { session },
  );
  if (moved.matchedCount === 0) {
    throw new CheckpointMovedError(projection, expectedCheckpoint, undefined);
  }
}
