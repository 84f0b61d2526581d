import { Module } from '@nestjs/common';
import {
  ApplicationModule,
  KEY_STORE,
  type KeyStore,
  PersonalDataCipher,
  UpcastingReader,
} from '@chronicle/application';
import { AuditCustomersController } from './audit-customers.controller';
import { AuditStreamsController } from './audit-streams.controller';
import { CustomerAuditService } from './customer-audit.service';
import { CustomerHistoryModule } from './customer-history.module';
import { AUDIT_QUERY_HANDLERS } from './handlers/audit-query-handlers';
import { IntegrityController } from './integrity.controller';
import { IntegrityService } from './integrity.service';
import { INTEGRITY_STATUS } from '../health/health-probes';

/**
 * The auditors' endpoints (docs/audit.md), the QueryBus handlers answering them and the history
 * index they read the streams from.
 */
@Module({
  imports: [ApplicationModule, CustomerHistoryModule],
  controllers: [AuditStreamsController, AuditCustomersController, IntegrityController],
  providers: [
    {
      provide: UpcastingReader,
      inject: [PersonalDataCipher, KEY_STORE],
      useFactory: (cipher: PersonalDataCipher, keys: KeyStore) => new UpcastingReader(cipher, keys),
    },
    CustomerAuditService,
    IntegrityService,
    ...AUDIT_QUERY_HANDLERS,
    {
      provide: INTEGRITY_STATUS,
      inject: [IntegrityService],
      useFactory: (s: IntegrityService) => s.log,
    },
  ],
  exports: [INTEGRITY_STATUS],
})
export class AuditModule {}
