import { CampaignHandler } from './campaign.handler';
import { CampaignListHandler } from './campaign-list.handler';
import { ContactListHandler } from './contact-list.handler';
import { CustomerHandler } from './customer.handler';
import { DataQualityHandler } from './data-quality.handler';
import { DealHandler } from './deal.handler';
import { DealListHandler } from './deal-list.handler';
import { ForecastHandler } from './forecast.handler';
import { LifecycleFunnelHandler } from './funnel.handler';
import { PipelineHandler } from './pipeline.handler';
import { ServiceSlaHandler } from './service-sla.handler';
import { TicketHandler } from './ticket.handler';
import { TicketListHandler } from './ticket-list.handler';

/** The views' QueryBus handlers, one per read (the controllers only validate and format). */
export const VIEW_QUERY_HANDLERS = [
  LifecycleFunnelHandler,
  CampaignListHandler,
  CampaignHandler,
  CustomerHandler,
  ServiceSlaHandler,
  TicketListHandler,
  TicketHandler,
  PipelineHandler,
  ForecastHandler,
  DataQualityHandler,
  ContactListHandler,
  DealListHandler,
  DealHandler,
];
