import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonalDataCipher } from '@chronicle/application';
import {
  contactLookupProjection,
  customer360Projection,
  type Customer360View,
  CUSTOMERS,
  LOOKUP_CONTACTS,
  ProjectorRuntime,
  queryCustomer360,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';

/** The customer 360 with the contact stream's revision (the contact lookup keeps it). */
export type CustomerAnswer = Customer360View & { revision: number };

const PROJECTIONS = [customer360Projection.name, contactLookupProjection.name];

@ApiTags('views')
@Controller('views')
export class CustomersController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    // The customer segment's recency is judged against it.
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  @Roles('analyst', 'service')
  @Get('customers/:contactId')
  @ApiOperation({
    summary:
      'The customer 360, personal fields decrypted now, with the contact stream revision (also the ETag); a merged-away contact names mergedInto',
  })
  async customer(
    @Param('contactId') contactId: string,
    @ValidQuery(ReadYourWritesQuery) { minPosition }: ReadYourWritesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerAnswer> {
    if (minPosition !== undefined) await this.runtime.waitForPosition(PROJECTIONS, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(PROJECTIONS);
    const [customer, lookup] = await Promise.all([
      queryCustomer360(
        this.readStore,
        this.runtime.collection(customer360Projection.name, CUSTOMERS),
        contactId,
        { position, now: this.now(), cipher: this.cipher },
      ),
      this.readStore.get(
        this.runtime.collection(contactLookupProjection.name, LOOKUP_CONTACTS),
        contactId,
      ),
    ]);
    if (!customer) throw new ChronicleError('NOT_FOUND', `Contact ${contactId} does not exist`);
    const revision = typeof lookup?.revision === 'number' ? lookup.revision : -1;
    tagWithRevision(reply, revision);
    return { ...customer, revision };
  }
}
