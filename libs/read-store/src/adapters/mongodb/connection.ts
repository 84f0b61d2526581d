import type { Document } from 'mongodb';
import { ReadStoreUnavailableError } from '../../read-store.port';

const DEFAULT_DATABASE = 'chronicle';

/**
 * The connection string with its password masked, fit for messages and logs. Credentials are
 * found as the driver finds them: `user:password@` right after the scheme.
 */
export function redactUrl(url: string): string {
  return url.trim().replace(/^([^:]+:\/\/[^:@/]+):[^@/]*@/, '$1:***@');
}

/** The database named by the URL's path (`mongodb://host/crm` → `crm`), `chronicle` when none. */
export function databaseName(url: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url.trim())?.[1];
  return path ? decodeURIComponent(path) : DEFAULT_DATABASE;
}

/**
 * Refuses a server that cannot run multi-document transactions: a batch's documents and its
 * checkpoint commit in one, so a standalone `mongod` would break exactly-once. A replica set
 * member says `setName` in its `hello`; a `mongos` says `msg: 'isdbgrid'`.
 */
export function assertTransactionsSupported(hello: Document, url: string): void {
  if (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') return;
  throw new ReadStoreUnavailableError(replicaSetRequired(url));
}

/** The one line that says why a standalone server is refused and what to do. */
export function replicaSetRequired(url: string): string {
  return (
    `MONGO_URL (${redactUrl(url)}) points at a standalone MongoDB server, but the read store ` +
    'needs a replica set for transactions: start mongod with --replSet (a one-node set will do, ' +
    'as rs0 in infra/docker-compose.yml) and add ?replicaSet=<name> to MONGO_URL'
  );
}
