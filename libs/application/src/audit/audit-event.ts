import type { RecordedEvent } from '@chronicle/event-store';
import type { UpcastingReader } from '../upcasting/upcasting-reader';

/**
 * An event as the audit shows it: everything the store recorded (ids, revision, position,
 * storedAt, hash, metadata with actor, command, correlation and causation ids, both business and
 * recording times, schemaVersion), with the data decrypted and upcast for display.
 */
export interface AuditEvent extends Omit<RecordedEvent, 'data'> {
  /** Personal fields in clear; an erased subject's read `[erased]`. */
  data: Record<string, unknown>;
  /** Set when the data shown was upcast from this stored schema version. */
  upcastFrom?: number;
}

/** The audit view of a stored event; the hash still covers the stored bytes, not this view. */
export async function toAuditEvent(
  reader: UpcastingReader,
  event: RecordedEvent,
): Promise<AuditEvent> {
  const { data, upcastFrom } = await reader.read(event);
  return { ...event, data, ...(upcastFrom !== undefined && { upcastFrom }) };
}
