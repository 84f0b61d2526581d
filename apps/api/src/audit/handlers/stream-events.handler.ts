import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuditEvent, toAuditEvent, UpcastingReader } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { DEFAULT_AUDIT_LIMIT, type StreamAuditQuery } from '../audit-query';

/** `GET /audit/streams/{id}` on the QueryBus: one stream's events from a revision. */
export class StreamEventsRead extends Query<{ events: AuditEvent[] }> {
  constructor(
    readonly streamId: string,
    readonly query: StreamAuditQuery,
  ) {
    super();
  }
}

@QueryHandler(StreamEventsRead)
export class StreamEventsHandler implements IQueryHandler<StreamEventsRead> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(UpcastingReader) private readonly reader: UpcastingReader,
  ) {}

  async execute({ streamId, query }: StreamEventsRead): Promise<{ events: AuditEvent[] }> {
    const { from = 0, limit = DEFAULT_AUDIT_LIMIT } = query;
    const recorded = await this.eventStore.readStream(streamId, {
      fromRevision: from,
      maxCount: limit,
    });
    const events = await Promise.all(recorded.map((event) => toAuditEvent(this.reader, event)));
    return { events };
  }
}
