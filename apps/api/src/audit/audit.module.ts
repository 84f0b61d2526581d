import { Module } from '@nestjs/common';
import { ApplicationModule } from '@chronicle/application';
import { AuditStreamsController } from './audit-streams.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [AuditStreamsController],
})
export class AuditModule {}
