import { describeEventStoreContract } from '../../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Tests read their server's address straight from the environment; the app goes through config.
const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', () => EventStoreDbEventStore.connect(url));
} else {
  console.warn(
    'EventStoreDB contract skipped: EVENTSTORE_URL is unset (e.g. esdb://localhost:2113?tls=false)',
  );
  describe.skip('EventStore contract: EventStoreDB', () => {
    it('skipped: EVENTSTORE_URL unset, no server to run against', () => undefined);
  });
}
