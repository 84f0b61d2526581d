import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditEvent,
  eventsInPositionOrder,
  pagesInPositionOrder,
  PersonalDataCipher,
  toAuditEvent,
  UpcastingReader,
  verifyStreams,
  type VerificationReport,
} from '@chronicle/application';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@chronicle/event-store';
import {
  type CustomerHistory,
  customerHistoryProjection,
  type Customer360View,
  HISTORY_CONTACTS,
  HISTORY_STREAMS,
  ProjectorRuntime,
  queryCustomerHistory,
  toCustomer360View,
} from '@chronicle/projections';
import { ChronicleError } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { IntegrityService } from './integrity.service';
import type { CustomerEventsQuery, CustomerStateQuery } from './audit-customer-query';
import { firstReplayPage, replayAsOf } from './customer-360-replay';
import { Customer360Snapshots } from './customer-360-snapshots';

const HISTORY = customerHistoryProjection.name;

/** A page of a customer's history; `next` is the `after` of the following page, when there is one. */
export interface CustomerEventsPage {
  events: AuditEvent[];
  next?: string;
}

/**
 * A customer's audit: the history index (a projection) says which streams are the customer's;
 * every event shown, replayed or verified is read from the event store itself.
 */
@Injectable()
export class CustomerAuditService {
  private readonly snapshots = new Customer360Snapshots();

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(UpcastingReader) private readonly reader: UpcastingReader,
    @Inject(IntegrityService) private readonly integrity: IntegrityService,
  ) {}

  /** The customer's streams; waits for `minPosition` first; NOT_FOUND for an unknown contact. */
  async history(contactId: string, minPosition?: string): Promise<CustomerHistory> {
    if (minPosition !== undefined) await this.runtime.waitForPosition(HISTORY, minPosition);
    const history = await queryCustomerHistory(
      this.readStore,
      {
        contacts: this.runtime.collection(HISTORY, HISTORY_CONTACTS),
        streams: this.runtime.collection(HISTORY, HISTORY_STREAMS),
      },
      contactId,
    );
    if (!history) throw new ChronicleError('NOT_FOUND', `Contact ${contactId} does not exist`);
    return history;
  }

  async page(contactId: string, query: CustomerEventsQuery): Promise<CustomerEventsPage> {
    const history = await this.history(contactId, query.minPosition);
    const recorded: RecordedEvent[] = [];
    // One event more than the page tells whether another page follows.
    for await (const event of this.stored(history, query.after)) {
      recorded.push(event);
      if (recorded.length > query.limit) break;
    }
    const shown = recorded.slice(0, query.limit);
    const events = await Promise.all(shown.map((event) => toAuditEvent(this.reader, event)));
    const last = shown.at(-1);
    return recorded.length > query.limit && last ? { events, next: last.position } : { events };
  }

  /** Every event after `after`, one at a time, for the NDJSON export. */
  async *export(history: CustomerHistory, after?: string): AsyncGenerator<AuditEvent> {
    for await (const event of this.stored(history, after)) {
      yield await toAuditEvent(this.reader, event);
    }
  }

  /**
   * The customer 360 replayed from the events known at `atPosition` (inclusive) or stored by
   * `asOf` (the store's `storedAt`), with the projection's own fold, from the latest snapshot of
   * that fold within the bound; with `validAt`, of those the events that had happened by then, in
   * business-time order. NOT_FOUND when the contact was not registered yet. Personal fields open
   * with today's keys, so erased data stays erased.
   */
  async stateAsOf(contactId: string, query: CustomerStateQuery): Promise<Customer360View> {
    if (query.minPosition !== undefined) {
      await this.runtime.waitForPosition(HISTORY, query.minPosition);
    }
    // Read before the index: every stream naming the contact up to it is then in the list.
    const indexed = this.runtime.position(HISTORY);
    const history = await this.history(contactId);
    const asOfMillis = query.asOf === undefined ? undefined : Date.parse(query.asOf);
    const { state, lastStoredAt } = await replayAsOf({
      contactId,
      bound: { atPosition: query.atPosition, asOfMillis, validAt: query.validAt },
      pagesAfter: (after) =>
        pagesInPositionOrder(this.eventStore, history.streams, {
          after,
          firstChunkSize: firstReplayPage(after),
        }),
      snapshots: this.snapshots,
      snapshotsUpTo: indexed,
    });
    if (!state) {
      throw new ChronicleError('NOT_FOUND', `Contact ${contactId} was not registered by then`);
    }
    // The segment's recency and the open stage stay are judged at the moment asked about.
    const now = new Date(query.validAt ?? query.asOf ?? lastStoredAt ?? Date.now());
    return toCustomer360View(state, { position: state.position, now, cipher: this.cipher });
  }

  async verify(contactId: string, minPosition?: string): Promise<VerificationReport> {
    const history = await this.history(contactId, minPosition);
    const streamIds = history.streams.map(({ streamId }) => streamId);
    // Against the tree, so a stream whose last events were cut off is not reported whole.
    return verifyStreams(this.eventStore, streamIds, this.integrity.log);
  }

  private stored(history: CustomerHistory, after?: string): AsyncGenerator<RecordedEvent> {
    return eventsInPositionOrder(this.eventStore, history.streams, { after });
  }
}
