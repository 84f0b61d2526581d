import {
  type MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoParseError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { ReadStoreUnavailableError } from '../../read-store.port';
import { redactUrl, replicaSetRequired } from './connection';

const DUPLICATE_KEY = 11000;
// "Transaction numbers are only allowed on a replica set member or mongos".
const ILLEGAL_OPERATION = 20;

const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;
const MAX_TIME_MS_EXPIRED = 50;
const WRITE_CONCERN_TIMEOUT = 64;

export function isNamespaceExists(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === NAMESPACE_EXISTS;
}

/** A write that a majority did not confirm in time: it may or may not have been applied. */
function isUnconfirmed(error: unknown): error is MongoError {
  return (
    error instanceof MongoWriteConcernError ||
    (error instanceof MongoServerError &&
      (error.code === MAX_TIME_MS_EXPIRED || error.code === WRITE_CONCERN_TIMEOUT))
  );
}

export function isNamespaceNotFound(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND;
}

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

// The driver's URL parser (mongodb-connection-string-url) throws its own MongoParseError class for
// a wrong scheme, so the name is checked too.
function isParseError(error: unknown): error is Error {
  return (
    error instanceof MongoParseError || (error instanceof Error && error.name === 'MongoParseError')
  );
}

/** The driver's error as the port's: anything about reaching the server names the URL. */
export function toPortError(error: unknown, url: string): unknown {
  if (error instanceof ReadStoreUnavailableError) return error;
  if (isParseError(error)) {
    return new ReadStoreUnavailableError(
      `MONGO_URL (${redactUrl(url)}) is not a MongoDB connection string: ${error.message}`,
      { cause: error },
    );
  }
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  ) {
    return new ReadStoreUnavailableError(
      `MongoDB at ${redactUrl(url)} is unavailable: ${error.message}`,
      { cause: error },
    );
  }
  if (isUnconfirmed(error)) {
    return new ReadStoreUnavailableError(
      `MongoDB at ${redactUrl(url)} did not confirm a write in time (${error.message}): a majority ` +
        'of the replica set is not acknowledging. The write may or may not be applied; a batch ' +
        'retried from its checkpoint is fenced, so a retry is safe',
      { cause: error },
    );
  }
  if (error instanceof MongoServerError && error.code === ILLEGAL_OPERATION) {
    return new ReadStoreUnavailableError(replicaSetRequired(url), { cause: error });
  }
  return error;
}
