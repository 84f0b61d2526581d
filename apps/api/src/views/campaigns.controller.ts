import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ATTRIBUTION_MODELS,
  CAMPAIGNS,
  type CampaignListView,
  campaignsProjection,
  type CampaignsCollections,
  type CampaignView,
  ProjectorRuntime,
  queryCampaign,
  queryCampaigns,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { parseFilterParameter, parseViewWindow } from './view-query';

/** `model` is optional and `first_touch` is the only model so far; anything else is a 400. */
function checkAttributionModel(value: unknown): void {
  const model = parseFilterParameter('model', value);
  if (model === undefined || (ATTRIBUTION_MODELS as readonly string[]).includes(model)) return;
  throw new ChronicleError('VALIDATION_FAILED', 'Invalid query parameter model', [
    { field: 'model', problems: [`model must be one of ${ATTRIBUTION_MODELS.join(', ')}`] },
  ]);
}

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
      'Every launched campaign whose start is in [from, to), first-touch attribution (?model&minPosition)',
  })
  async campaigns(@Query() query: Record<string, unknown>): Promise<CampaignListView> {
    const { from, to, minPosition } = parseViewWindow(query);
    checkAttributionModel(query.model);
    const { collections, position } = await this.readModel(minPosition);
    return queryCampaigns(this.readStore, collections, { from, to }, position);
  }

  @Roles('analyst')
  @Get('campaigns/:campaignId')
  @ApiOperation({
    summary: "One campaign's touches, attributed stages and returns (?model&minPosition)",
  })
  async campaign(
    @Param('campaignId') campaignId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<CampaignView> {
    // from/to are checked like everywhere but do not narrow one campaign's lifetime figures.
    const { minPosition } = parseViewWindow(query);
    checkAttributionModel(query.model);
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
