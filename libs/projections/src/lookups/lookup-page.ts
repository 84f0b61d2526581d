import type { DocumentQuery, ReadDocument, ReadStore } from '@chronicle/read-store';

/** Where a page of a lookup list starts and how long it is. */
export interface LookupPageRequest {
  /** The id the previous page ended with; absent for the first page. */
  afterId?: string;
  limit: number;
}

/** Documents in id order; `lastId` is set when more follow (the next page's `afterId`). */
export interface LookupPage<T> {
  items: T[];
  lastId?: string;
}

/**
 * One page of `collection` in ascending order of `idField`, after `afterId`: keyset paging, so a
 * page costs the same however deep it is, and documents added meanwhile are neither skipped nor
 * repeated once passed.
 */
export async function findLookupPage(
  readStore: ReadStore,
  collection: string,
  idField: string,
  conditions: readonly DocumentQuery[],
  page: LookupPageRequest,
): Promise<LookupPage<ReadDocument>> {
  const all = [...conditions];
  if (page.afterId !== undefined) all.push({ [idField]: { $gt: page.afterId } });
  const query = all.length === 1 ? all[0]! : all.length === 0 ? {} : { $and: all };
  const found = await readStore.find(collection, query, {
    sort: { [idField]: 1 },
    limit: page.limit + 1,
  });
  if (found.length <= page.limit) return { items: found };
  const items = found.slice(0, page.limit);
  return { items, lastId: String(items.at(-1)![idField]) };
}

/** The equality conditions of the filters that are set. */
export function equalities(filters: Record<string, string | undefined>): DocumentQuery[] {
  return Object.entries(filters)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([field, value]) => ({ [field]: value }));
}
