import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
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
import { ChronicleError } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { CUSTOMER_HISTORY, customer360ValidAt } from '../../audit/customer-360-valid-at';
import type { BusinessMomentQuery } from '../../query/business-moment.query';
import { toUtcTime } from '../../query/query-fields';
import { type ViewClock, VIEWS_CLOCK } from '../views-clock';
import { readPosition } from './read-position';

/** The customer 360 with the contact stream's revision (the contact lookup keeps it). */
export type CustomerAnswer = Customer360View & { revision: number };

const PROJECTIONS = [customer360Projection.name, contactLookupProjection.name];
// A `validAt` answer replays the customer's history, listed by the history index.
const VALID_AT_PROJECTIONS = [...PROJECTIONS, CUSTOMER_HISTORY];

/** `GET /views/customers/{id}` on the QueryBus; NOT_FOUND when the contact does not exist. */
export class CustomerRead extends Query<CustomerAnswer> {
  constructor(
    readonly contactId: string,
    readonly query: BusinessMomentQuery,
  ) {
    super();
  }
}

@QueryHandler(CustomerRead)
export class CustomerHandler implements IQueryHandler<CustomerRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    // The customer segment's recency is judged against it.
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  async execute({ contactId, query }: CustomerRead): Promise<CustomerAnswer> {
    const validAt = toUtcTime(query.validAt);
    const projections = validAt === undefined ? PROJECTIONS : VALID_AT_PROJECTIONS;
    const position = await readPosition(this.runtime, projections, query.minPosition);
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
