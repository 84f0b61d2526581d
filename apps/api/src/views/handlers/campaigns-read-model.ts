import {
  type AttributionModel,
  type AttributionQuestion,
  CAMPAIGN_CONTACTS,
  CAMPAIGN_DEALS,
  CAMPAIGNS,
  campaignsProjection,
  type CampaignsCollections,
  type ProjectorRuntime,
} from '@chronicle/projections';
import { type CampaignsQuery, DEFAULT_HALF_LIFE_DAYS } from '../view-queries';
import { viewWindow } from '../view-query';
import { readPosition } from './read-position';

/** Waits for `minPosition` if asked, then names the campaigns projection's collections. */
export async function campaignsReadModel(
  runtime: ProjectorRuntime,
  minPosition: string | undefined,
): Promise<{ collections: CampaignsCollections; position: string }> {
  const name = campaignsProjection.name;
  const position = await readPosition(runtime, name, minPosition);
  const collections = {
    campaigns: runtime.collection(name, CAMPAIGNS),
    contacts: runtime.collection(name, CAMPAIGN_CONTACTS),
    deals: runtime.collection(name, CAMPAIGN_DEALS),
  };
  return { collections, position };
}

/** The model, its half-life and the business moment a query asks about. */
export function attributionQuestion(query: CampaignsQuery): AttributionQuestion {
  const { validAt } = viewWindow(query);
  return {
    // The DTO has checked `model` against ATTRIBUTION_MODELS.
    model: (query.model ?? 'first_touch') as AttributionModel,
    halfLifeDays: query.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
    ...(validAt !== undefined && { validAt }),
  };
}
