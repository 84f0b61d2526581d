import { campaignsProjection } from './campaigns/campaigns-projection';
import type { PersonalDataOpener } from './customer-360/customer-360-view';
import { customer360Projection } from './customer-360/customer-360-projection';
import { dataQualityProjection } from './data-quality/data-quality-projection';
import { forecastProjection } from './forecast/forecast-projection';
import { lifecycleFunnelProjection } from './funnel/funnel-projection';
import { contactLookupProjection } from './lookups/contact-lookup';
import { dealLookupProjection } from './lookups/deal-lookup';
import { ticketLookupProjection } from './lookups/ticket-lookup';
import { pipelineProjection } from './pipeline/pipeline-projection';
import type { Projection } from './runtime/projection';
import { serviceSlaProjection } from './sla/service-sla-projection';

/**
 * Every projection behind `/views/*`, in one list for each process that runs them (the API and
 * the worker). Data quality opens name, e-mail and phone to tell present from cleared or blank,
 * so the list needs the personal-data opener of the write side.
 */
export function viewProjections(opener: PersonalDataOpener): Projection[] {
  return [
    lifecycleFunnelProjection,
    campaignsProjection,
    customer360Projection,
    serviceSlaProjection,
    pipelineProjection,
    forecastProjection,
    contactLookupProjection,
    dealLookupProjection,
    ticketLookupProjection,
    dataQualityProjection(opener),
  ];
}
