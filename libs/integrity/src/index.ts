export {
  IntegrityLog,
  type ConsistencyProof,
  type InclusionProof,
  type IntegrityLogOptions,
  type IntegrityStatus,
} from './integrity-log';
export { IntegrityError } from './integrity-error';
export {
  type Checkpoint,
  checkpointSignatureHolds,
  checkpointText,
} from './checkpoints/checkpoint';
export {
  GENERATED_KEY_FILE,
  loadSigningKey,
  parseSigningKey,
  type SigningKey,
} from './checkpoints/signing-key';
export { leafHash, leafText, nodeHash, EMPTY_ROOT } from './merkle/tree-hashes';
export { verifyConsistency, verifyInclusion } from './merkle/verify-proofs';
export type { StoredLeaf, TreeStore } from './tree-store.port';
export {
  describeProblem,
  type IntegrityProblem,
  type IntegrityReport,
  type ProblemKind,
} from './verify/integrity-problem';
export { type LogReader, verifyLog } from './verify/verify-log';
export type { StreamIntegrityReport } from './verify/verify-stream';
