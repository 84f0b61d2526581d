import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

const OWNER_ONLY_FOLDER = 0o700;
const OWNER_ONLY_FILE = 0o600;
const IN_MEMORY = ':memory:';

/**
 * Creates `path` (and its folder) readable and writable by this user only, and tightens it if it
 * already existed. SQLite gives a database's `-wal`, `-shm` and `-journal` files the mode of the
 * database file, so they stay private too. The data folder holds ciphertext, keyed hashes and
 * keys: nobody else on the machine has a reason to read any of it.
 */
export function createPrivateFile(path: string): void {
  if (path === IN_MEMORY || path === '') return;
  createPrivateFolder(dirname(path));
  closeSync(openSync(path, 'a', OWNER_ONLY_FILE));
  chmodSync(path, OWNER_ONLY_FILE);
}

/** Creates a folder (with its parents) as 0700; an existing one is tightened to 0700. */
export function createPrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_FOLDER });
  chmodSync(path, OWNER_ONLY_FOLDER);
}
