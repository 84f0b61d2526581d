export { ApplicationModule, APPLICATION_SECRET } from './application.module';
export { CommandPipeline, type CommandPipelineOptions } from './pipeline/command-pipeline';
export type { CommandActor, CommandRequest, CommandResult } from './pipeline/command-types';
export { ExecuteCommand, ExecuteCommandHandler } from './pipeline/execute-command';
export { deriveEventId } from './pipeline/event-ids';
export {
  IDEMPOTENCY_STORE,
  type IdempotencyRecord,
  type IdempotencyStore,
} from './idempotency/idempotency-store.port';
export { IDENTITY_INDEX, type IdentityIndex } from './identity/identity-index.port';
export { ContactIdentities } from './identity/contact-identities';
export type { IdentityKind } from './identity/identity-index.port';
export { KEY_STORE, type KeyStore } from './privacy/key-store.port';
export { ERASED, PersonalDataCipher } from './privacy/personal-data-cipher';
export { FAULT_POINTS, type FaultPoint } from './erasure/fault-points';

export { exampleCommandPayloads } from './commands/command-examples';
export { COMMAND_TYPES, isCommandType, type CommandType } from '@chronicle/domain';
export { commandCatalog, type CommandEntry } from './commands/command-catalog';
export { validateCommand, type CommandValidationResult } from './validation/validate-command';
export { parseIfMatch, validateIdempotencyKey } from './validation/headers';
export { isIsoDate, isIsoDateTime } from './commands/shared/iso-dates';
export { type AuditEvent, toAuditEvent } from './audit/audit-event';
export {
  eventsInPositionOrder,
  pagesInPositionOrder,
  type MergeOptions,
  type StreamToMerge,
} from './audit/merged-streams';
export {
  verifyStreams,
  type StreamVerification,
  type VerificationReport,
} from './audit/verify-streams';
export {
  CURRENT_SCHEMA_VERSION,
  schemaVersionOf,
  type Upcaster,
  UpcasterRegistry,
} from './upcasting/upcaster-registry';
export { contactRegisteredV0 } from './upcasting/contact-registered-v0';
export {
  defaultUpcasters,
  type ReadableEventData,
  UpcastingReader,
} from './upcasting/upcasting-reader';
