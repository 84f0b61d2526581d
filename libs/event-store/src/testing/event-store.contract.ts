import type { EventStore } from '../event-store.port';
import { comparePositions } from '../event-store.port';
import { describeAppendContract } from './contract/append.contract';
import { describeIdempotencyContract } from './contract/idempotency.contract';
import { describeReadContract } from './contract/read.contract';
import { describeReadStreamsContract } from './contract/read-streams.contract';
import { describeSubscriptionContract } from './contract/subscription.contract';
import { describeConcurrencyContract } from './contract/concurrency.contract';
import { describeIntegrityContract } from './contract/integrity.contract';

export type OpenStore = () => Promise<EventStore>;

/**
 * The behaviour every event store adapter must show. Each adapter's spec calls this with a
 * function that opens a fresh (or at least isolated) store; streams get unique names per run.
 */
export function describeEventStoreContract(adapterName: string, open: OpenStore): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const current = (): EventStore => store;

    describeAppendContract(current);
    describeIdempotencyContract(current);
    describeReadContract(current);
    describeReadStreamsContract(current);
    describeConcurrencyContract(current);
    describeSubscriptionContract(current);
    describeIntegrityContract(current);
  });
}

/** Asserts positions are strictly increasing decimal strings. */
export function expectStrictlyIncreasing(positions: string[]): void {
  for (const position of positions) expect(position).toMatch(/^\d+$/);
  for (let index = 1; index < positions.length; index += 1) {
    expect(comparePositions(positions[index - 1]!, positions[index]!)).toBe(-1);
  }
}
