export * from './event-store.port';
export * from './errors';
export {
  canonicalJson,
  chainHash,
  chainHashOfEncoded,
  findChainBreak,
  GENESIS_HASH,
  type ChainBreak,
  type ChainedFields,
} from './hash-chain';
export { validateAppend } from './validate-append';
