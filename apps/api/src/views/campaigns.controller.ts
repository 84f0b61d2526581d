import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CAMPAIGN_CHANNELS,
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
import { CampaignListQuery, CampaignsQuery } from './view-queries';
import { viewWindow } from './view-query';

@ApiTags('views')
@Controller('views')
export class CampaignsController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Roles('analyst')
  @Get('campaigns')
  @ApiOperation({
    summary:
      'Every launched campaign whose start is in [from, to), or with groupBy=channel those of each channel together; first-touch attribution (?model&groupBy&minPosition)',
  })
  async campaigns(
    @ValidQuery(CampaignListQuery) query: CampaignListQuery,
  ): Promise<CampaignListView | CampaignChannelsView> {
    const { from, to, minPosition } = viewWindow(query);
    const { collections, position } = await this.readModel(minPosition);
    if (query.groupBy === undefined) {
      return queryCampaigns(this.readStore, collections, { from, to }, position);
    }
    const channels = this.runtime.collection(campaignsProjection.name, CAMPAIGN_CHANNELS);
    const breakdown = { ...collections, channels };
    return queryCampaignChannels(this.readStore, breakdown, { from, to }, position);
  }

  @Roles('analyst')
  @Get('campaigns/:campaignId')
  @ApiOperation({
    summary: "One campaign's touches, attributed stages and returns (?model&minPosition)",
  })
  async campaign(
    @Param('campaignId') campaignId: string,
    // from/to are checked like everywhere but do not narrow one campaign's lifetime figures.
    @ValidQuery(CampaignsQuery) { minPosition }: CampaignsQuery,
  ): Promise<CampaignView> {
    const { collections, position } = await this.readModel(minPosition);
    const campaign = await queryCampaign(this.readStore, collections, campaignId, position);
    if (!campaign) throw new ChronicleError('NOT_FOUND', `Campaign ${campaignId} does not exist`);
    return campaign;
  }

  private async readModel(
    minPosition: string | undefined,
  ): Promise<{ collections: CampaignsCollections; position: string }> {
    const name = campaignsProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    return { collections: { campaigns: this.runtime.collection(name, CAMPAIGNS) }, position };
  }
}
