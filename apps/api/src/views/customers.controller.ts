import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonalDataCipher } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import {
  contactLookupProjection,
  customer360Projection,
  type Customer360View,
  CUSTOMERS,
  LOOKUP_CONTACTS,
  ProjectorRuntime,
  queryCustomer360,
  toCustomer360View,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { CUSTOMER_HISTORY, customer360ValidAt } from '../audit/customer-360-valid-at';
import { BusinessMomentQuery } from '../query/business-moment.query';
import { toUtcTime } from '../query/query-fields';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { CustomerAnswer as CustomerAnswerSchema } from './responses/customer.response';

/** The customer 360 with the contact stream's revision (the contact lookup keeps it). */
export type CustomerAnswer = Customer360View & { revision: number };

const PROJECTIONS = [customer360Projection.name, contactLookupProjection.name];
// A `validAt` answer replays the customer's history, listed by the history index.
const VALID_AT_PROJECTIONS = [...PROJECTIONS, CUSTOMER_HISTORY];

@ApiTags('views')
@ApiErrors(400, 401, 403, 404, 429, 500, 503)
@Controller('views')
export class CustomersController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    // The customer segment's recency is judged against it.
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  @Roles('analyst', 'service')
  @Get('customers/:contactId')
  @ApiAnswer(CustomerAnswerSchema)
  @ApiOperation({
    summary:
      'The customer 360, personal fields decrypted now, with the contact stream revision (also the ETag); a merged-away contact names mergedInto; ?validAt= answers for the world at that business time',
  })
  async customer(
    @Param('contactId') contactId: string,
    @ValidQuery(BusinessMomentQuery) query: BusinessMomentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerAnswer> {
    const validAt = toUtcTime(query.validAt);
    const projections = validAt === undefined ? PROJECTIONS : VALID_AT_PROJECTIONS;
    const { minPosition } = query;
    if (minPosition !== undefined) await this.runtime.waitForPosition(projections, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(projections);
    const [customer, lookup] = await Promise.all([
      validAt === undefined
        ? queryCustomer360(
            this.readStore,
            this.runtime.collection(customer360Projection.name, CUSTOMERS),
            contactId,
            { position, now: this.now(), cipher: this.cipher },
          )
        : this.customerValidAt(contactId, validAt, position),
      this.readStore.get(
        this.runtime.collection(contactLookupProjection.name, LOOKUP_CONTACTS),
        contactId,
      ),
    ]);
    if (!customer) throw new ChronicleError('NOT_FOUND', `Contact ${contactId} does not exist`);
    // The stream's revision now, also for a `validAt` answer: it is what a write would expect.
    const revision = typeof lookup?.revision === 'number' ? lookup.revision : -1;
    tagWithRevision(reply, revision);
    return { ...customer, revision };
  }

  /** The 360 for the world at `validAt`: recency and the open stage stay judged then. */
  private async customerValidAt(
    contactId: string,
    validAt: string,
    position: string,
  ): Promise<Customer360View | undefined> {
    const source = {
      eventStore: this.eventStore,
      readStore: this.readStore,
      runtime: this.runtime,
    };
    const state = await customer360ValidAt(source, contactId, validAt, position);
    if (!state) return undefined;
    return toCustomer360View(state, { position, now: new Date(validAt), cipher: this.cipher });
  }
}
