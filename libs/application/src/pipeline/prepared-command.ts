import { randomUUID } from 'node:crypto';
import { type CommandSpec, isCommandType } from '@chronicle/domain';
import { ChronicleError, validationFailed } from '@chronicle/platform';
import { commandCatalog } from '../commands/command-catalog';
import { scopedCommandId } from '../idempotency/scoped-key';
import { validateCommand } from '../validation/validate-command';
import type { CommandActor, CommandRequest } from './command-types';

/** A command that passed every check that needs no stored state. */
export interface PreparedCommand {
  type: string;
  spec: CommandSpec;
  /** The validated payload: only the DTO's fields, as plain JSON. */
  payload: Record<string, unknown>;
  /** The caller's Idempotency-Key, or a new UUID: what answers and metadata show. */
  commandId: string;
  idempotencyKey?: string;
  /**
   * The command's identity inside Chronicle: the scoped key (or the new UUID). Idempotency records
   * and event ids derive from it, so equal keys of two callers never meet.
   */
  executionId: string;
  expectedRevision?: number;
  /** The stream the command targets (its result); If-Match applies to it. */
  targetStreamId: string;
  /** Name -> stream id of the other streams decide reads. */
  relatedStreamIds: Record<string, string>;
  correlationId: string;
  actor: CommandActor;
  /** Business time: the payload's occurredAt, else when the command arrived. */
  occurredAt: string;
  recordedAt: string;
}

// Refused here (403) rather than by decide (422): it is a matter of who calls, not of state.
const ADMIN_ONLY_COMMANDS: ReadonlySet<string> = new Set(['EraseContactPersonalData']);

/** Checks the type, the payload and the caller's role; throws the error the API answers with. */
export function prepareCommand(request: CommandRequest, now: Date): PreparedCommand {
  const { type, actor } = request;
  const spec: CommandSpec | undefined = isCommandType(type) ? commandCatalog[type].spec : undefined;
  if (!spec) throw new ChronicleError('UNKNOWN_COMMAND', `There is no command ${type}`);

  const validation = validateCommand(type, request.body, now);
  if (!validation.ok) throw validationFailed(validation.problems, `Invalid ${type} payload`);
  const { payload } = validation;

  if (ADMIN_ONLY_COMMANDS.has(type) && !actor.roles.includes('admin')) {
    throw new ChronicleError('FORBIDDEN', `${type} needs the role admin`);
  }
  const recordedAt = now.toISOString();
  const { occurredAt } = payload;
  const key = request.idempotencyKey;
  const commandId = key ?? randomUUID();
  return {
    type,
    spec,
    payload,
    commandId,
    idempotencyKey: key,
    executionId: key === undefined ? commandId : scopedCommandId(request.idempotencyScope, key),
    expectedRevision: request.expectedRevision,
    targetStreamId: spec.streamId(payload),
    relatedStreamIds: spec.related?.(payload) ?? {},
    correlationId: request.correlationId,
    actor,
    occurredAt: typeof occurredAt === 'string' ? new Date(occurredAt).toISOString() : recordedAt,
    recordedAt,
  };
}

/** Every stream the command reads, target first. */
export function streamsOf(command: PreparedCommand): string[] {
  return [...new Set([command.targetStreamId, ...Object.values(command.relatedStreamIds)])];
}

/**
 * The streams a command holds the per-stream lock on: its target, and related streams of the
 * target's own category (a merge's duplicate contact, which it also writes). Other related
 * streams — a campaign for a touch, the custom-field definitions, the SLA policies — are only
 * read; locking them would make every touch of one campaign wait for the one before. A write that
 * races a command on an unlocked stream is still caught by the expected revision it appends with.
 */
export function lockedStreamsOf(command: PreparedCommand): string[] {
  const category = categoryOf(command.targetStreamId);
  return streamsOf(command).filter((streamId) => categoryOf(streamId) === category);
}

function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
