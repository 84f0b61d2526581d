import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEvent } from '@chronicle/application';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { StreamAuditQuery } from './audit-query';
import { StreamEventsRead } from './handlers/stream-events.handler';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { StreamEventsAnswer } from './responses/audit-event.response';

@ApiTags('audit')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('audit')
export class AuditStreamsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('auditor')
  @Get('streams/:streamId')
  @ApiAnswer(StreamEventsAnswer)
  @ApiOperation({ summary: "One stream's events with full metadata (?from=<revision>&limit=)" })
  streamEvents(
    @Param('streamId') streamId: string,
    @ValidQuery(StreamAuditQuery) query: StreamAuditQuery,
  ): Promise<{ events: AuditEvent[] }> {
    return this.queryBus.execute(new StreamEventsRead(streamId, query));
  }
}
