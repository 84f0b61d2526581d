import type { EventStore, SubscribeOptions } from '@chronicle/event-store';

/** A real event store seen through counters of its subscriptions, to observe shared reads. */
export interface ObservedEventStore {
  store: EventStore;
  /** Subscriptions opened so far. */
  opened: () => number;
  /** Subscriptions open now. */
  open: () => number;
  /** Events every subscription has handed out, summed. */
  delivered: () => number;
}

export function observeSubscriptions(store: EventStore): ObservedEventStore {
  let opened = 0;
  let open = 0;
  let delivered = 0;
  const subscribe = async function* (options?: SubscribeOptions) {
    opened += 1;
    open += 1;
    try {
      for await (const batch of store.subscribe(options)) {
        delivered += batch.events.length;
        yield batch;
      }
    } finally {
      open -= 1;
    }
  };
  return {
    store: Object.assign(Object.create(store) as EventStore, { subscribe }),
    opened: () => opened,
    open: () => open,
    delivered: () => delivered,
  };
}
