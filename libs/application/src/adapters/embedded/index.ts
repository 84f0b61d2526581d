// `@chronicle/application/embedded`: the command side's SQLite file (idempotency, identities, keys).
export { openCommandSideStores, type CommandSideStores } from './command-side-database';
