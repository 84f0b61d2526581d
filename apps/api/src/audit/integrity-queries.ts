import { QueryInteger, QueryPosition } from '../query/query-fields';
import { Required } from '../query/query-rules';

const TREE_SIZE = { min: 1, max: Number.MAX_SAFE_INTEGER };

/** `?minPosition=` of the latest checkpoint. */
export class LatestCheckpointQuery {
  @QueryPosition(
    'Wait (up to 5 s) until the tree covers this global position, and sign a checkpoint that covers it if the latest does not',
  )
  minPosition?: string;
}

/** `?position=&treeSize=` of an inclusion proof. */
export class InclusionProofQuery {
  @Required()
  @QueryPosition('Global position of the event to prove')
  position!: string;

  @QueryInteger("Size of the tree to prove it in; default: the latest checkpoint's", TREE_SIZE)
  treeSize?: number;
}

/** `?from=&to=` of a consistency proof. */
export class ConsistencyProofQuery {
  @Required()
  @QueryInteger('Size of the earlier tree', TREE_SIZE)
  from!: number;

  @Required()
  @QueryInteger('Size of the later tree', TREE_SIZE)
  to!: number;
}
