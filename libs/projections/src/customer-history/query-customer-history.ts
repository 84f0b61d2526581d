import type { ReadStore } from '@chronicle/read-store';
import { comparePositions } from '@chronicle/event-store';

/** One stream of a customer's history, as the `customer-history` index knows it. */
export interface CustomerStream {
  streamId: string;
  /** Position of the stream's first event naming the customer (or a merged duplicate). */
  firstPosition: string;
}

/** Everything the audit needs to read a customer's history from the event store. */
export interface CustomerHistory {
  contactId: string;
  /** The contact and every duplicate merged into it, directly or through another merge. */
  contactIds: string[];
  /** Ordered by `firstPosition`. */
  streams: CustomerStream[];
}

/** Physical names of the projection's collections (from `runtime.collection`). */
export interface CustomerHistoryCollections {
  contacts: string;
  streams: string;
}

/**
 * The streams of `contactId` and of the contacts merged into it, or undefined when no contact with
 * this id was registered. Merges are followed transitively; a cycle (impossible by the domain's
 * rules, which refuse merging a merged-away contact) would end the walk, not loop.
 */
export async function queryCustomerHistory(
  readStore: ReadStore,
  collections: CustomerHistoryCollections,
  contactId: string,
): Promise<CustomerHistory | undefined> {
  const contactIds = await mergedClosure(readStore, collections.contacts, contactId);
  if (contactIds === undefined) return undefined;
  const memberships = await readStore.find(collections.streams, { contactId: { $in: contactIds } });
  const firstByStream = new Map<string, string>();
  for (const { streamId, firstPosition } of memberships) {
    if (typeof streamId !== 'string' || typeof firstPosition !== 'string') continue;
    const known = firstByStream.get(streamId);
    if (known === undefined || comparePositions(firstPosition, known) < 0) {
      firstByStream.set(streamId, firstPosition);
    }
  }
  const streams = [...firstByStream].map(([streamId, firstPosition]) => ({
    streamId,
    firstPosition,
  }));
  streams.sort((a, b) => comparePositions(a.firstPosition, b.firstPosition));
  return { contactId, contactIds, streams };
}

async function mergedClosure(
  readStore: ReadStore,
  collection: string,
  contactId: string,
): Promise<string[] | undefined> {
  const root = await readStore.get(collection, contactId);
  if (!root) return undefined;
  const seen = [contactId];
  let frontier = [root];
  while (frontier.length > 0) {
    const named = frontier.flatMap((document) =>
      Array.isArray(document.mergedFrom) ? (document.mergedFrom as unknown[]) : [],
    );
    const next = [...new Set(named)].filter(
      (id): id is string => typeof id === 'string' && !seen.includes(id),
    );
    seen.push(...next);
    frontier = next.length === 0 ? [] : await readStore.getMany(collection, next);
  }
  return seen;
}
