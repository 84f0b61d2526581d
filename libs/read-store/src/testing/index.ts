export { describeReadStoreContract, type OpenReadStore } from './read-store.contract';
export { ContractNames, idsOf, seed, sortedIds } from './fixtures';
