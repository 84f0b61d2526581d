import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CampaignChannelsView, CampaignListView, CampaignView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { campaignListTable, campaignTable } from './csv/view-tables';
import { CampaignRead } from './handlers/campaign.handler';
import { CampaignListRead } from './handlers/campaign-list.handler';
import { CampaignListQuery, CampaignsQuery } from './view-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import {
  CampaignAnswer,
  CampaignChannelsAnswer,
  CampaignListAnswer,
} from './responses/campaigns.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class CampaignsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst')
  @Get('campaigns')
  @ApiAnswer([CampaignListAnswer, CampaignChannelsAnswer], {
    csv: true,
    description: 'The campaigns; with groupBy=channel, the channels (CampaignChannelsAnswer)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Every campaign launched (by validAt) whose start is in [from, to), or with groupBy=channel those of each channel together, credited under the attribution model (?model&halfLifeDays&groupBy&validAt&minPosition)',
  })
  async campaigns(
    @ValidQuery(CampaignListQuery) query: CampaignListQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignListView | CampaignChannelsView | string> {
    const view = await this.queryBus.execute(new CampaignListRead(query));
    return answerAs(accept, reply, view, campaignListTable);
  }

  @Roles('analyst')
  @Get('campaigns/:campaignId')
  @ApiErrors(404)
  @ApiAnswer(CampaignAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      "One campaign's touches, attributed stages and returns under the attribution model, as of validAt (?model&halfLifeDays&validAt&minPosition)",
  })
  async campaign(
    @Param('campaignId') campaignId: string,
    // from/to are checked like everywhere but do not narrow one campaign's lifetime figures.
    @ValidQuery(CampaignsQuery) query: CampaignsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignView | string> {
    const campaign = await this.queryBus.execute(new CampaignRead(campaignId, query));
    return answerAs(accept, reply, campaign, campaignTable);
  }
}
