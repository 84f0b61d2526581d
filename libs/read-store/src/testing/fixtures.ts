import { randomUUID } from 'node:crypto';
import type { DocumentWrite, ReadDocument, ReadStore } from '../read-store.port';

/** Names unique to one run, under `runPrefix`, so runs against a shared server never meet. */
export class ContractNames {
  readonly runPrefix = `contract-${randomUUID().slice(0, 8)}.`;
  private counter = 0;

  /** A fresh collection or projection name, e.g. `contract-1a2b3c4d.7.contacts`. */
  next(label: string): string {
    this.counter += 1;
    return `${this.runPrefix}${this.counter}.${label}`;
  }
}

/** Writes `documents` through a batch of a projection of their own. */
export async function seed(
  store: ReadStore,
  names: ContractNames,
  collection: string,
  documents: readonly ReadDocument[],
): Promise<void> {
  const writes: DocumentWrite[] = documents.map((document) => ({
    kind: 'put',
    collection,
    document,
  }));
  await store.applyBatch({
    projection: names.next('seed'),
    writes,
    expectedCheckpoint: undefined,
    checkpoint: '1',
  });
}

export function idsOf(documents: readonly ReadDocument[]): string[] {
  return documents.map((document) => document._id);
}

export function sortedIds(documents: readonly ReadDocument[]): string[] {
  return idsOf(documents).sort();
}

export interface ContractContext {
  store: () => ReadStore;
  names: ContractNames;
}
