import type { ReadStore } from '../read-store.port';
import { describeBatchContract } from './contract/batches.contract';
import { describeDocumentContract } from './contract/documents.contract';
import { describeDropContract } from './contract/drop.contract';
import { describeJsonRulesContract } from './contract/json-rules.contract';
import { describeMultiBatchContract } from './contract/multi-batches.contract';
import { describeQueryContract } from './contract/queries.contract';
import { ContractNames, type ContractContext } from './fixtures';

export type OpenReadStore = () => Promise<ReadStore>;

/**
 * The behaviour every read store adapter must show. `open` returns a store that may be shared
 * with other runs: every collection and projection the suite uses is named under one run prefix,
 * dropped at the end.
 */
export function describeReadStoreContract(adapterName: string, open: OpenReadStore): void {
  describe(`ReadStore contract: ${adapterName}`, () => {
    let store: ReadStore;
    const names = new ContractNames();
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.dropByPrefix(names.runPrefix);
      await store.close();
    });
    const context: ContractContext = { store: () => store, names };

    describeDocumentContract(context);
    describeJsonRulesContract(context);
    describeQueryContract(context);
    describeBatchContract(context);
    describeMultiBatchContract(context);
    describeDropContract(context);
  });
}
