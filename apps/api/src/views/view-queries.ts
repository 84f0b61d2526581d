import { TICKET_PRIORITIES } from '@chronicle/domain';
import {
  ATTRIBUTION_MODELS,
  CAMPAIGN_GROUP_BYS,
  PIPELINE_GROUP_BYS,
  type PipelineGroupBy,
} from '@chronicle/projections';
import { QueryChoice, QueryInteger, QueryPositiveNumber, QueryText } from '../query/query-fields';
import { BusinessMomentQuery } from '../query/business-moment.query';
import { ViewWindowQuery } from './view-query';

/** `GET /views/lifecycle-funnel`. */
export class LifecycleFunnelQuery extends ViewWindowQuery {
  @QueryText("The contact's first-touch campaign")
  campaignId?: string;

  @QueryText("The contact's owner now, or at validAt")
  ownerId?: string;

  @QueryText("The contact's source at registration")
  source?: string;
}

/** The default half-life of `model=time_decay`. */
export const DEFAULT_HALF_LIFE_DAYS = 7;

/**
 * `GET /views/campaigns` and `/views/campaigns/{id}`. On one campaign, `from` and `to` are
 * checked but do not narrow its lifetime figures.
 */
export class CampaignsQuery extends ViewWindowQuery {
  @QueryChoice('Attribution model', ATTRIBUTION_MODELS, 'AttributionModel')
  model?: string;

  @QueryPositiveNumber('Half-life of a touch under model=time_decay, in days', {
    max: 36_500,
    default: DEFAULT_HALF_LIFE_DAYS,
  })
  halfLifeDays?: number;
}

/** `GET /views/campaigns`: one campaign's parameters, and the breakdown of the list. */
export class CampaignListQuery extends CampaignsQuery {
  @QueryChoice(
    'Answers `channels` instead: the campaigns of each channel taken together',
    CAMPAIGN_GROUP_BYS,
    'CampaignGroupBy',
  )
  groupBy?: string;
}

/** `GET /views/service-sla`. */
export class ServiceSlaQuery extends ViewWindowQuery {
  @QueryChoice('The priority at opening', TICKET_PRIORITIES, 'TicketPriority')
  priority?: string;

  @QueryText('The team in charge of the ticket now, or at validAt')
  teamId?: string;

  @QueryText('The agent the ticket is assigned to now, or at validAt')
  agentId?: string;
}

/** `GET /views/pipeline`. */
export class PipelineQuery extends ViewWindowQuery {
  @QueryText("The deal's owner")
  ownerId?: string;

  @QueryText("The deal's team")
  teamId?: string;

  @QueryText("The deal's channel")
  channel?: string;

  @QueryText("The deal's product")
  product?: string;

  @QueryChoice(
    'Adds `groups`: the same figures per owner, team, channel or product at opening',
    PIPELINE_GROUP_BYS,
    'PipelineGroupBy',
  )
  groupBy?: PipelineGroupBy;
}

/** `GET /views/forecast`. */
export class ForecastQuery extends ViewWindowQuery {
  @QueryText("The deal's owner")
  ownerId?: string;

  @QueryText("The deal's team")
  teamId?: string;
}

/** The default of `staleDays`: a contact untouched for a year. */
export const DEFAULT_STALE_DAYS = 365;

/** `GET /views/data-quality`. */
export class DataQualityQuery extends BusinessMomentQuery {
  @QueryInteger('A live contact is stale after this many days without an event on its streams', {
    min: 1,
    max: 36_500,
    default: DEFAULT_STALE_DAYS,
  })
  staleDays?: number;
}
