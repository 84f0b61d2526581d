import { Module } from '@nestjs/common';
import { ApplicationModule } from '@chronicle/application';
import {
  campaignsProjection,
  contactLookupProjection,
  customer360Projection,
  dealLookupProjection,
  forecastProjection,
  lifecycleFunnelProjection,
  pipelineProjection,
  ProjectionsModule,
  serviceSlaProjection,
  ticketLookupProjection,
} from '@chronicle/projections';
import { CampaignsController } from './campaigns.controller';
import { ContactsController } from './contacts.controller';
import { CustomersController } from './customers.controller';
import { DealsController } from './deals.controller';
import { ForecastController } from './forecast.controller';
import { FunnelController } from './funnel.controller';
import { LookupCursors } from './lookup-cursor';
import { PipelineController } from './pipeline.controller';
import { ServiceSlaController } from './service-sla.controller';
import { TicketsController } from './tickets.controller';
import { systemViewsClock } from './views-clock';

/** The analysts' views (CONTRACT §3): their projections and the controllers that answer them. */
@Module({
  imports: [
    // The customer 360 decrypts personal fields when it answers; the cipher lives on the write side.
    ApplicationModule,
    ProjectionsModule.forFeature([
      lifecycleFunnelProjection,
      campaignsProjection,
      customer360Projection,
      serviceSlaProjection,
      pipelineProjection,
      forecastProjection,
      contactLookupProjection,
      dealLookupProjection,
      ticketLookupProjection,
    ]),
  ],
  providers: [systemViewsClock, LookupCursors],
  controllers: [
    FunnelController,
    CampaignsController,
    CustomersController,
    ServiceSlaController,
    TicketsController,
    PipelineController,
    ForecastController,
    ContactsController,
    DealsController,
  ],
})
export class ViewsModule {}
