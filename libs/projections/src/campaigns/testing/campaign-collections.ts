import type { ProjectedReadModel } from '../../shared/testing/project-events';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_CONTACTS,
  CAMPAIGN_DEALS,
  CAMPAIGNS,
} from '../campaign-documents';
import type { CampaignChannelsCollections } from '../query-campaign-channels';

/** Every physical collection of a `campaigns` read model projected in a test. */
export function campaignCollections(model: ProjectedReadModel): CampaignChannelsCollections {
  return {
    campaigns: model.collection(CAMPAIGNS),
    contacts: model.collection(CAMPAIGN_CONTACTS),
    deals: model.collection(CAMPAIGN_DEALS),
    channels: model.collection(CAMPAIGN_CHANNELS),
  };
}
