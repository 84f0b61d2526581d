import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  CAMPAIGN_CHANNELS,
  type CampaignChannelsView,
  type CampaignListView,
  campaignsProjection,
  ProjectorRuntime,
  queryCampaignChannels,
  queryCampaigns,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { CampaignListQuery } from '../view-queries';
import { viewWindow } from '../view-query';
import { attributionQuestion, campaignsReadModel } from './campaigns-read-model';

/** `GET /views/campaigns` on the QueryBus: the campaigns, or with groupBy=channel the channels. */
export class CampaignListRead extends Query<CampaignListView | CampaignChannelsView> {
  constructor(readonly query: CampaignListQuery) {
    super();
  }
}

@QueryHandler(CampaignListRead)
export class CampaignListHandler implements IQueryHandler<CampaignListRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ query }: CampaignListRead): Promise<CampaignListView | CampaignChannelsView> {
    const { from, to, minPosition } = viewWindow(query);
    const { collections, position } = await campaignsReadModel(this.runtime, minPosition);
    const asked = attributionQuestion(query);
    if (query.groupBy === undefined) {
      return queryCampaigns(this.readStore, collections, { from, to }, position, asked);
    }
    const channels = this.runtime.collection(campaignsProjection.name, CAMPAIGN_CHANNELS);
    const breakdown = { ...collections, channels };
    return queryCampaignChannels(this.readStore, breakdown, { from, to }, position, asked);
  }
}
