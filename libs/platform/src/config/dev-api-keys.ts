import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiKeyFor, type ApiKey } from './api-keys';
import { isRole, ROLES, type Role } from './roles';

export const DEV_API_KEYS_FILE = 'dev-api-keys.json';

interface DevKeyFile {
  note: string;
  keys: { token: string; roles: Role[] }[];
}

/**
 * The development keys in `<dataDir>/dev-api-keys.json`: read when present, else created with
 * one random token per role, readable by the owner only.
 */
export function loadOrCreateDevApiKeys(dataDir: string): { file: string; keys: ApiKey[] } {
  const file = join(dataDir, DEV_API_KEYS_FILE);
  const stored = readDevKeyFile(file) ?? createDevKeyFile(file);
  return { file, keys: stored.keys.map(({ token, roles }) => apiKeyFor(token, roles)) };
}

function readDevKeyFile(file: string): DevKeyFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = parseDevKeyFile(text);
  if (!parsed) throw new Error(`${file} is not a development key file; delete it to make new keys`);
  // Someone may have loosened the mode by hand; these are live credentials.
  chmodSync(file, 0o600);
  return parsed;
}

function createDevKeyFile(file: string): DevKeyFile {
  const content: DevKeyFile = {
    note: 'Development API keys, made because CHRONICLE_API_KEYS was unset. Do not use in production.',
    keys: ROLES.map((role) => ({ token: randomBytes(24).toString('base64url'), roles: [role] })),
  };
  try {
    // 'wx' fails if another process created the file meanwhile: then its keys are the ones to use.
    writeFileSync(file, JSON.stringify(content, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return content;
  } catch (error) {
    const existing = (error as NodeJS.ErrnoException).code === 'EEXIST' && readDevKeyFile(file);
    if (existing) return existing;
    throw error;
  }
}

function parseDevKeyFile(text: string): DevKeyFile | undefined {
  try {
    const value = JSON.parse(text) as Partial<DevKeyFile>;
    const keys = Array.isArray(value.keys) ? value.keys : [];
    const valid = keys.every(
      (key) =>
        typeof key?.token === 'string' &&
        key.token.length > 0 &&
        Array.isArray(key.roles) &&
        key.roles.length > 0 &&
        key.roles.every((role) => typeof role === 'string' && isRole(role)),
    );
    return valid && keys.length > 0 ? { note: String(value.note ?? ''), keys } : undefined;
  } catch {
    return undefined;
  }
}
