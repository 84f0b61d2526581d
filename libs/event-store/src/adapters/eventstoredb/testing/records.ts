import { randomUUID } from 'node:crypto';
import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { eventResponse, type LogRecord } from './grpc-responses';

/** A log record with sensible defaults; tests name only what they care about. */
export function aRecord(fields: Partial<LogRecord> = {}): LogRecord {
  return {
    streamId: 'contact-1',
    revision: 0n,
    id: randomUUID(),
    type: 'ContactRegistered',
    contentType: 'application/json',
    data: Buffer.from('{"name":"Ada"}'),
    metadata: Buffer.from('{"actor":"test"}'),
    created: new Date('2025-01-02T03:04:05.678Z'),
    commit: 1_000n,
    prepare: 1_000n,
    inTransaction: false,
    ...fields,
  };
}

/** The record as the client hands it out, converted by the client's own code. */
export function resolved(
  record: LogRecord,
  read: 'stream' | 'all' = 'all',
): AllStreamResolvedEvent {
  return convertGrpcEvent(eventResponse(record, read).getEvent()!);
}
