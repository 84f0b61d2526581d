import type { LoopbackReceiver } from '../../../../../libs/webhooks/src/testing/loopback-receiver';

/** What a receiver that dedupes on Chronicle-Event-Id kept, and what it had to drop. */
export interface Ledger {
  unique: number;
  duplicates: number;
  /** Streams whose first acknowledged deliveries came out of revision order. */
  outOfOrder: string[];
}

export function ledgerOf(receiver: LoopbackReceiver): Ledger {
  const firstByEvent = new Map<string, { streamId: string; revision: number }>();
  let acknowledged = 0;
  for (const hit of receiver.acknowledged()) {
    acknowledged += 1;
    if (!firstByEvent.has(hit.eventId)) firstByEvent.set(hit.eventId, hit.body);
  }
  const lastRevision = new Map<string, number>();
  const outOfOrder = new Set<string>();
  for (const { streamId, revision } of firstByEvent.values()) {
    if ((lastRevision.get(streamId) ?? -1) > revision) outOfOrder.add(streamId);
    lastRevision.set(streamId, revision);
  }
  return {
    unique: firstByEvent.size,
    duplicates: acknowledged - firstByEvent.size,
    outOfOrder: [...outOfOrder],
  };
}

/** Every event id stored, read through the feed (the admin may read it). */
export async function storedEventIds(baseUrl: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let after = '0';
  for (;;) {
    const response = await fetch(`${baseUrl}/feed?after=${after}&limit=1000`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { events: Array<{ eventId: string }>; next: string };
    for (const event of page.events) ids.add(event.eventId);
    if (page.events.length === 0) return ids;
    after = page.next;
  }
}
