import { readFileSync } from 'node:fs';
import type { Checkpoint } from '@chronicle/integrity';
import { parseFlags } from '../parse-flags';

export interface VerifyArguments {
  dataDir: string;
  /** Absent: the folder's own latest checkpoint, which proves far less (docs/audit.md). */
  checkpoint?: Checkpoint;
  /** Base64 raw Ed25519 key the checkpoint must be signed with. */
  publicKey?: string;
}

export const VERIFY_USAGE = [
  'Usage: chronicle-cli verify --data-dir DIR [--checkpoint FILE] [--public-key BASE64]',
  '  --data-dir DIR       the data folder to check, opened read-only (no server needs to run)',
  '  --checkpoint FILE    a checkpoint saved earlier (the JSON of GET /audit/checkpoints/latest);',
  "                       without it the folder's own latest checkpoint is used",
  '  --public-key BASE64  refuse a checkpoint not signed by this key',
  'Exits 0 when the folder passes, 1 naming the first problem, 2 when it cannot check.',
].join('\n');

/**
 * Parses `verify --data-dir … [--checkpoint …]` and reads the checkpoint file.
 * @throws Error with a message fit for the user.
 */
export function parseVerifyArguments(argv: readonly string[]): VerifyArguments {
  const { values } = parseFlags(argv.slice(1), ['data-dir', 'checkpoint', 'public-key']);
  const { 'data-dir': dataDir, checkpoint: file, 'public-key': publicKey } = values;
  if (dataDir === undefined) throw new Error('--data-dir is required');
  return { dataDir, checkpoint: file === undefined ? undefined : readCheckpoint(file), publicKey };
}

function readCheckpoint(file: string): Checkpoint {
  let value: Partial<Record<keyof Checkpoint, unknown>>;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as typeof value;
  } catch (error) {
    throw new Error(`Cannot read the checkpoint ${file}: ${(error as Error).message}`);
  }
  const { treeSize, rootHash, position, timestamp, keyId, publicKey, signature } = value;
  const texts = { rootHash, position, timestamp, keyId, publicKey, signature };
  const missing = Object.entries(texts)
    .filter(([, text]) => typeof text !== 'string')
    .map(([name]) => name);
  if (!Number.isSafeInteger(treeSize) || (treeSize as number) < 0) missing.unshift('treeSize');
  if (missing.length > 0) {
    throw new Error(`${file} is not a checkpoint: ${missing.join(', ')} missing or malformed`);
  }
  return { treeSize, ...texts } as Checkpoint;
}
