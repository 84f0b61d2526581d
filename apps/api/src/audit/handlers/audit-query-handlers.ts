import { ConsistencyProofHandler } from './consistency-proof.handler';
import { CustomerEventsHandler } from './customer-events.handler';
import { CustomerExportHandler } from './customer-export.handler';
import { CustomerStateHandler } from './customer-state.handler';
import { CustomerVerificationHandler } from './customer-verification.handler';
import { InclusionProofHandler } from './inclusion-proof.handler';
import { LatestCheckpointHandler } from './latest-checkpoint.handler';
import { LogVerificationHandler } from './log-verification.handler';
import { StreamEventsHandler } from './stream-events.handler';
import { StreamVerificationHandler } from './stream-verification.handler';

/** The audit's QueryBus handlers, one per read (the controllers only validate and format). */
export const AUDIT_QUERY_HANDLERS = [
  StreamEventsHandler,
  CustomerEventsHandler,
  CustomerExportHandler,
  CustomerStateHandler,
  CustomerVerificationHandler,
  LatestCheckpointHandler,
  InclusionProofHandler,
  ConsistencyProofHandler,
  LogVerificationHandler,
  StreamVerificationHandler,
];
