import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonalDataCipher } from '@chronicle/application';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@chronicle/event-store';
import { Roles } from '@chronicle/platform';
import { parseStreamAuditQuery } from './audit-query';

export interface AuditEvent extends Omit<RecordedEvent, 'data'> {
  /** Decrypted for display; an erased subject's personal fields read `[erased]`. */
  data: Record<string, unknown>;
}

@ApiTags('audit')
@Controller('audit')
export class AuditStreamsController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly cipher: PersonalDataCipher,
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
    const events = await Promise.all(
      recorded.map(async (event) => ({ ...event, data: await this.cipher.open(event) })),
    );
    return { events };
  }
}
