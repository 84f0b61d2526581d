import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuditEvent, toAuditEvent, UpcastingReader } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { Roles } from '@chronicle/platform';
import { parseStreamAuditQuery } from './audit-query';

@ApiTags('audit')
@Controller('audit')
export class AuditStreamsController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(UpcastingReader) private readonly reader: UpcastingReader,
  ) {}

  @Roles('auditor')
  @Get('streams/:streamId')
  @ApiOperation({ summary: "One stream's events with full metadata (?from=<revision>&limit=)" })
  async streamEvents(
    @Param('streamId') streamId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<{ events: AuditEvent[] }> {
    const { from, limit } = parseStreamAuditQuery(query);
    const recorded = await this.eventStore.readStream(streamId, {
      fromRevision: from,
      maxCount: limit,
    });
    const events = await Promise.all(recorded.map((event) => toAuditEvent(this.reader, event)));
    return { events };
  }
}
