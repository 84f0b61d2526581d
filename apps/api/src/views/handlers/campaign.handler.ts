import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type CampaignView, ProjectorRuntime, queryCampaign } from '@chronicle/projections';
import { ChronicleError } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { CampaignsQuery } from '../view-queries';
import { viewWindow } from '../view-query';
import { attributionQuestion, campaignsReadModel } from './campaigns-read-model';

/** `GET /views/campaigns/{id}` on the QueryBus; NOT_FOUND when the campaign does not exist. */
export class CampaignRead extends Query<CampaignView> {
  constructor(
    readonly campaignId: string,
    readonly query: CampaignsQuery,
  ) {
    super();
  }
}

@QueryHandler(CampaignRead)
export class CampaignHandler implements IQueryHandler<CampaignRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ campaignId, query }: CampaignRead): Promise<CampaignView> {
    const { minPosition } = viewWindow(query);
    const { collections, position } = await campaignsReadModel(this.runtime, minPosition);
    const asked = attributionQuestion(query);
    const campaign = await queryCampaign(this.readStore, collections, campaignId, position, asked);
    if (!campaign) throw new ChronicleError('NOT_FOUND', `Campaign ${campaignId} does not exist`);
    return campaign;
  }
}
