import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuditEvent, toAuditEvent, UpcastingReader } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { DEFAULT_AUDIT_LIMIT, StreamAuditQuery } from './audit-query';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { StreamEventsAnswer } from './responses/audit-event.response';

@ApiTags('audit')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('audit')
export class AuditStreamsController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(UpcastingReader) private readonly reader: UpcastingReader,
  ) {}

  @Roles('auditor')
  @Get('streams/:streamId')
  @ApiAnswer(StreamEventsAnswer)
  @ApiOperation({ summary: "One stream's events with full metadata (?from=<revision>&limit=)" })
  async streamEvents(
    @Param('streamId') streamId: string,
    @ValidQuery(StreamAuditQuery) query: StreamAuditQuery,
  ): Promise<{ events: AuditEvent[] }> {
    const { from = 0, limit = DEFAULT_AUDIT_LIMIT } = query;
    const recorded = await this.eventStore.readStream(streamId, {
      fromRevision: from,
      maxCount: limit,
    });
    const events = await Promise.all(recorded.map((event) => toAuditEvent(this.reader, event)));
    return { events };
  }
}
