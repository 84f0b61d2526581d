import { Module } from '@nestjs/common';
import { ApplicationModule, PersonalDataCipher } from '@chronicle/application';
import { ProjectionsModule, viewProjections } from '@chronicle/projections';
import { CustomerHistoryModule } from '../audit/customer-history.module';
import { CampaignsController } from './campaigns.controller';
import { ContactsController } from './contacts.controller';
import { CustomersController } from './customers.controller';
import { DataQualityController } from './data-quality.controller';
import { DealsController } from './deals.controller';
import { ForecastController } from './forecast.controller';
import { FunnelController } from './funnel.controller';
import { VIEW_QUERY_HANDLERS } from './handlers/view-query-handlers';
import { LookupCursors } from './lookup-cursor';
import { PipelineController } from './pipeline.controller';
import { ServiceSlaController } from './service-sla.controller';
import { TicketsController } from './tickets.controller';
import { systemViewsClock } from './views-clock';

/**
 * The analysts' views (docs/views-*.md): their projections, the QueryBus handlers reading them and
 * the controllers answering them.
 */
@Module({
  imports: [
    // The customer 360 decrypts personal fields when it answers; the cipher lives on the write side.
    ApplicationModule,
    // The customer 360 as of validAt replays the customer's streams, listed by the history index.
    CustomerHistoryModule,
    // Data quality opens personal fields, so the list needs the write side's cipher.
    ProjectionsModule.forFeatureAsync({
      imports: [ApplicationModule],
      inject: [PersonalDataCipher],
      useFactory: viewProjections,
    }),
  ],
  providers: [systemViewsClock, LookupCursors, ...VIEW_QUERY_HANDLERS],
  controllers: [
    FunnelController,
    CampaignsController,
    CustomersController,
    ServiceSlaController,
    TicketsController,
    PipelineController,
    ForecastController,
    DataQualityController,
    ContactsController,
    DealsController,
  ],
})
export class ViewsModule {}
