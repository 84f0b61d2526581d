import type { JsonObject } from '@chronicle/event-store';
import type { PreparedCommand } from './prepared-command';

export const EVENT_SCHEMA_VERSION = 1;

/** The metadata (docs/api.md) of every event a command appends. */
export function eventMetadata(command: PreparedCommand): JsonObject {
  return {
    commandId: command.commandId,
    correlationId: command.correlationId,
    // A command from outside is caused by nothing recorded; a command a process manager sends
    // later will name the event that caused it.
    causationId: command.commandId,
    actor: { id: command.actor.id, roles: [...command.actor.roles] },
    occurredAt: command.occurredAt,
    recordedAt: command.recordedAt,
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}
