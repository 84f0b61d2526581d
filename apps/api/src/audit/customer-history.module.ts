import { Module } from '@nestjs/common';
import { customerHistoryProjection, ProjectionsModule } from '@chronicle/projections';

/**
 * The history index (which streams are a customer's), read by the audit routes and by the customer
 * 360 as of `validAt`. One static module that both import, so the projection is registered once
 * whichever of them a process (the API, the views benchmark's server) runs.
 */
@Module({ imports: [ProjectionsModule.forFeature([customerHistoryProjection])] })
export class CustomerHistoryModule {}
