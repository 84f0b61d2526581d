import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonalDataCipher } from '@chronicle/application';
import {
  customer360Projection,
  type Customer360View,
  CUSTOMERS,
  ProjectorRuntime,
  queryCustomer360,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';

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

  @Roles('analyst')
  @Get('customers/:contactId')
  @ApiOperation({
    summary:
      'The customer 360, personal fields decrypted now; a merged-away contact names mergedInto',
  })
  async customer(
    @Param('contactId') contactId: string,
    @ValidQuery(ReadYourWritesQuery) { minPosition }: ReadYourWritesQuery,
  ): Promise<Customer360View> {
    const name = customer360Projection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the document, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const customer = await queryCustomer360(
      this.readStore,
      this.runtime.collection(name, CUSTOMERS),
      contactId,
      { position, now: this.now(), cipher: this.cipher },
    );
    if (!customer) throw new ChronicleError('NOT_FOUND', `Contact ${contactId} does not exist`);
    return customer;
  }
}
