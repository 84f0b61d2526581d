// `@chronicle/event-store/module`: the Nest module that picks and opens an adapter.
export {
  EventStoreModule,
  eventStoreAdapterFor,
  type EventStoreAdapter,
  type EventStoreLocation,
} from './event-store.module';
