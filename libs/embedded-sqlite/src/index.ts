export { openDurableDatabase, type DurableDatabaseOptions } from './open-durable-database';
export { ProcessLock } from './process-lock';
