import type { EventStore, RecordedEvent, SubscribeOptions } from '../event-store.port';

/**
 * Pulls a subscription until `until` says it has seen enough, then ends it. The test's own
 * timeout bounds the wait; nothing sleeps.
 */
export async function collectFromSubscription(
  store: EventStore,
  options: SubscribeOptions,
  until: (seen: RecordedEvent[], checkpoint: string) => boolean,
): Promise<{ events: RecordedEvent[]; checkpoints: string[] }> {
  const controller = new AbortController();
  const seen: RecordedEvent[] = [];
  const checkpoints: string[] = [];
  for await (const batch of store.subscribe({ ...options, signal: controller.signal })) {
    seen.push(...batch.events);
    checkpoints.push(batch.checkpoint);
    if (until(seen, batch.checkpoint)) {
      controller.abort();
      break;
    }
  }
  return { events: seen, checkpoints };
}
