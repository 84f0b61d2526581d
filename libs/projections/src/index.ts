export type { Projection, UnitOfWork } from './runtime/projection';
export {
  DEFAULT_WAIT_MS,
  ProjectorRuntime,
  type ProjectorRuntimeOptions,
  type ProjectionsReport,
} from './runtime/projector-runtime';
export type {
  ProjectionFailure,
  ProjectionState,
  ProjectionStatus,
  RebuildProgress,
} from './runtime/projection-status';
export {
  InProcessProjectionLease,
  PROJECTION_LEASE,
  type HeldLease,
  type ProjectionLease,
} from './runtime/projection-lease';
export { physicalCollection, type Generation } from './runtime/generation';
export {
  openReadStore,
  ProjectionsModule,
  type ProjectionsModuleOptions,
} from './projections.module';
export { lifecycleFunnelProjection, FUNNEL_CONTACTS } from './funnel/funnel-projection';
export {
  queryLifecycleFunnel,
  type FunnelFilters,
  type LifecycleFunnelView,
} from './funnel/query-funnel';
export { campaignsProjection } from './campaigns/campaigns-projection';
export { CAMPAIGNS, CAMPAIGN_CHANNELS } from './campaigns/campaign-documents';
export {
  CAMPAIGN_GROUP_BYS,
  queryCampaignChannels,
  type CampaignChannel,
  type CampaignChannelsView,
} from './campaigns/query-campaign-channels';
export {
  ATTRIBUTION_MODELS,
  queryCampaign,
  queryCampaigns,
  type CampaignView,
  type CampaignListView,
  type CampaignsCollections,
} from './campaigns/query-campaigns';
export {
  customer360Projection,
  CUSTOMERS,
  customer360StateOf,
} from './customer-360/customer-360-projection';
export { queryCustomer360 } from './customer-360/query-customer-360';
export { evolveCustomer360, CUSTOMER_360_EVENT_TYPES } from './customer-360/evolve-customer-360';
export {
  toCustomer360View,
  type Customer360View,
  type PersonalDataOpener,
} from './customer-360/customer-360-view';
export type { Customer360State } from './customer-360/customer-360-state';
export type { StageTiming } from './customer-360/stage-timing';
export * from './sla/service-sla-projection';
export * from './sla/query-service-sla';
export * from './sla/query-ticket';
export * from './pipeline/pipeline-projection';
export * from './pipeline/query-pipeline';
export { PIPELINE_GROUP_BYS, type PipelineGroupBy } from './pipeline/pipeline-groups';
export type { PipelineGroup } from './pipeline/query-pipeline-groups';
export { forecastProjection, FORECAST_DEALS } from './forecast/forecast-projection';
export {
  queryForecast,
  type ForecastFilters,
  type ForecastMonth,
  type ForecastView,
} from './forecast/query-forecast';
export {
  customerHistoryProjection,
  CUSTOMER_STREAM_PREFIXES,
  HISTORY_CONTACTS,
  HISTORY_STREAMS,
} from './customer-history/customer-history-projection';
export {
  queryCustomerHistory,
  type CustomerHistory,
  type CustomerHistoryCollections,
  type CustomerStream,
} from './customer-history/query-customer-history';
export { replayCustomer360 } from './customer-history/replay-customer-360';
export { contactLookupProjection, LOOKUP_CONTACTS } from './lookups/contact-lookup';
export { dealLookupProjection, LOOKUP_DEALS } from './lookups/deal-lookup';
export { ticketLookupProjection, LOOKUP_TICKETS } from './lookups/ticket-lookup';
export type { LookupPage, LookupPageRequest } from './lookups/lookup-page';
export {
  queryContacts,
  type ContactListFilters,
  type ContactListItem,
} from './lookups/query-contacts';
export { queryDeal, queryDeals, type DealListFilters, type DealView } from './lookups/query-deals';
export {
  queryTicketWithRevision,
  queryTickets,
  type TicketListFilters,
  type TicketRevisionView,
} from './lookups/query-tickets';
export {
  DATA_QUALITY_PROJECTION,
  dataQualityProjection,
} from './data-quality/data-quality-projection';
export { QUALITY_CONTACTS, QUALITY_DAYS, QUALITY_TOTALS } from './data-quality/quality-ledger';
export {
  queryDataQuality,
  type DataQualityReadModel,
  type DataQualityView,
} from './data-quality/query-data-quality';
export { viewProjections } from './view-projections';
// funnel
export { queryLifecycleFunnelAsOf } from './funnel/query-funnel-as-of';
// customer 360 and data quality
export {
  foldInBusinessOrder,
  happenedBy,
  replayCustomer360ValidAt,
} from './customer-history/replay-customer-360';
export { queryDataQualityAsOf } from './data-quality/query-data-quality-as-of';
export { occurredAtOf } from './shared/event-fields';
// pipeline and forecast
export { queryPipelineAsOf } from './pipeline/query-pipeline-as-of';
export { queryForecastAsOf } from './forecast/query-forecast-as-of';
// campaigns
export { CAMPAIGN_CONTACTS, CAMPAIGN_DEALS } from './campaigns/campaign-documents';
export type { AttributionModel, AttributionQuestion } from './campaigns/query-campaigns';
// sla
export { queryServiceSlaAsOf, queryTicketAsOf } from './sla/query-sla-as-of';
