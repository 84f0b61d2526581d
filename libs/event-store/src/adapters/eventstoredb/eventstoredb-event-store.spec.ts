import { describeEventStoreContract } from '../../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { InMemoryEventStoreDb } from './testing/in-memory-esdb';

const URL = 'esdb://admin:changeit@localhost:2113?tls=false';

describeEventStoreContract('EventStoreDB adapter over an in-memory node', () =>
  Promise.resolve(
    EventStoreDbEventStore.fromClient(
      new InMemoryEventStoreDb({ firstPosition: 2n ** 53n + 3n, systemLinks: true }),
      URL,
    ),
  ),
);
