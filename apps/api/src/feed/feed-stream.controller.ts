import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { START_POSITION } from '@chronicle/event-store';
import { Roles, validationFailed } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { FeedConnections } from './feed-connections';
import { feedFilterOf, FeedStreamQuery } from './feed-query';
import { FeedService } from './feed.service';
import { ServerSentEvents } from './server-sent-events';
import { ApiErrors } from '../openapi/api-errors';
import { ApiTextAnswer } from '../openapi/api-answers';

const POSITION = /^(?:0|[1-9][0-9]{0,29})$/;
const LAST_EVENT_ID = 'Last-Event-ID';

@ApiTags('feed')
@ApiErrors(400, 401, 403, 500, 503)
@Controller('feed')
export class FeedStreamController {
  constructor(
    @Inject(FeedService) private readonly feed: FeedService,
    @Inject(FeedConnections) private readonly connections: FeedConnections,
  ) {}

  @Roles('service')
  @Get('stream')
  @ApiTextAnswer(
    'text/event-stream',
    'Server-Sent Events: id = position, event = type, data = a FeedEventAnswer',
  )
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: LAST_EVENT_ID, required: false, description: 'Resume right after it' })
  @ApiOperation({
    summary:
      'The feed as Server-Sent Events (id = position, event = type), resuming after Last-Event-ID',
  })
  async stream(
    @ValidQuery(FeedStreamQuery) query: FeedStreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const after = resumePosition(lastEventId) ?? query.after ?? START_POSITION;
    // Refused with a JSON 400 while no byte of the stream is written yet.
    await this.feed.checkStart(after, lastEventId ? LAST_EVENT_ID : 'after');
    // From here on the stream is written to the socket directly, not answered through Fastify.
    reply.hijack();
    const response = reply.raw;
    const connection = this.connections.track(response);
    const events = new ServerSentEvents(response, connection);
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    const signal = AbortSignal.any([gone.signal, this.connections.shutdown]);
    try {
      for await (const event of this.feed.follow(after, feedFilterOf(query), signal)) {
        await events.send(event.position, event.type, JSON.stringify(event));
        if (events.closed) break;
      }
    } finally {
      events.end();
    }
  }
}

/** The position in a `Last-Event-ID` header (an event's position), validated. */
function resumePosition(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const value = header.trim();
  if (POSITION.test(value)) return value;
  const problem = `${LAST_EVENT_ID} must be the id of an event of this stream (a decimal position)`;
  throw validationFailed([{ field: LAST_EVENT_ID, problems: [problem] }], problem);
}
