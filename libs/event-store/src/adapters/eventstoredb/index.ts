// `@chronicle/event-store/eventstoredb`: the adapter over the official EventStoreDB client.
export { EventStoreDbEventStore } from './eventstoredb-event-store';
