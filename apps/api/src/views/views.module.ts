import { Module } from '@nestjs/common';
import { ApplicationModule } from '@chronicle/application';
import {
  campaignsProjection,
  customer360Projection,
  lifecycleFunnelProjection,
  pipelineProjection,
  ProjectionsModule,
  serviceSlaProjection,
} from '@chronicle/projections';
import { CampaignsController } from './campaigns.controller';
import { CustomersController } from './customers.controller';
import { FunnelController } from './funnel.controller';
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
    ]),
  ],
  providers: [systemViewsClock],
  controllers: [
    FunnelController,
    CampaignsController,
    CustomersController,
    ServiceSlaController,
    TicketsController,
    PipelineController,
  ],
})
export class ViewsModule {}
