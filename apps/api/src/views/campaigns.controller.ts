import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type AttributionModel,
  type AttributionQuestion,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_CONTACTS,
  CAMPAIGN_DEALS,
  type CampaignChannelsView,
  CAMPAIGNS,
  type CampaignListView,
  campaignsProjection,
  type CampaignsCollections,
  type CampaignView,
  ProjectorRuntime,
  queryCampaign,
  queryCampaignChannels,
  queryCampaigns,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { campaignListTable, campaignTable } from './csv/view-tables';
import { CampaignListQuery, CampaignsQuery, DEFAULT_HALF_LIFE_DAYS } from './view-queries';
import { viewWindow } from './view-query';
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
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

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
    const view = await this.campaignList(query);
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
    const { minPosition } = viewWindow(query);
    const { collections, position } = await this.readModel(minPosition);
    const asked = attributionQuestion(query);
    const campaign = await queryCampaign(this.readStore, collections, campaignId, position, asked);
    if (!campaign) throw new ChronicleError('NOT_FOUND', `Campaign ${campaignId} does not exist`);
    return answerAs(accept, reply, campaign, campaignTable);
  }

  private async campaignList(
    query: CampaignListQuery,
  ): Promise<CampaignListView | CampaignChannelsView> {
    const { from, to, minPosition } = viewWindow(query);
    const { collections, position } = await this.readModel(minPosition);
    const asked = attributionQuestion(query);
    if (query.groupBy === undefined) {
      return queryCampaigns(this.readStore, collections, { from, to }, position, asked);
    }
    const channels = this.runtime.collection(campaignsProjection.name, CAMPAIGN_CHANNELS);
    const breakdown = { ...collections, channels };
    return queryCampaignChannels(this.readStore, breakdown, { from, to }, position, asked);
  }

  private async readModel(
    minPosition: string | undefined,
  ): Promise<{ collections: CampaignsCollections; position: string }> {
    const name = campaignsProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const collections = {
      campaigns: this.runtime.collection(name, CAMPAIGNS),
      contacts: this.runtime.collection(name, CAMPAIGN_CONTACTS),
      deals: this.runtime.collection(name, CAMPAIGN_DEALS),
    };
    return { collections, position };
  }
}

/** The model, its half-life and the business moment a query asks about. */
function attributionQuestion(query: CampaignsQuery): AttributionQuestion {
  const { validAt } = viewWindow(query);
  return {
    // The DTO has checked `model` against ATTRIBUTION_MODELS.
    model: (query.model ?? 'first_touch') as AttributionModel,
    halfLifeDays: query.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
    ...(validAt !== undefined && { validAt }),
  };
}
