import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@chronicle/platform';
import { START_POSITION } from '@chronicle/event-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { FeedConnections } from './feed-connections';
import { DEFAULT_FEED_LIMIT, feedFilterOf, FeedQuery } from './feed-query';
import { type FeedAnswer, FeedService } from './feed.service';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { FeedPageAnswer } from './feed.response';

@ApiTags('feed')
@ApiErrors(400, 401, 403, 500, 503)
@Controller('feed')
export class FeedController {
  constructor(
    @Inject(FeedService) private readonly feed: FeedService,
    @Inject(FeedConnections) private readonly connections: FeedConnections,
  ) {}

  @Roles('service')
  @Get()
  @ApiAnswer(FeedPageAnswer)
  @ApiOperation({
    summary:
      'Events after ?after= in global order, personal fields decrypted (?limit&types&streamPrefix&wait=<s> long-polls)',
  })
  async page(
    @ValidQuery(FeedQuery) query: FeedQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedAnswer> {
    reply.header('Cache-Control', 'no-store');
    // A long-poll ends early when its caller goes away or the server stops.
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    return this.feed.page({
      after: query.after ?? START_POSITION,
      limit: query.limit ?? DEFAULT_FEED_LIMIT,
      filter: feedFilterOf(query),
      waitMs: (query.wait ?? 0) * 1000,
      signal: AbortSignal.any([gone.signal, this.connections.shutdown]),
    });
  }
}
