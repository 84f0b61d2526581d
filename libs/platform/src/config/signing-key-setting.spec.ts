import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';

const env = (key: string) => ({
  CHRONICLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'chronicle-signing-key-')),
  CHRONICLE_API_KEYS: 'a=admin',
  CHRONICLE_SIGNING_KEY: key,
});
const ed25519 = generateKeyPairSync('ed25519').privateKey;

describe('CHRONICLE_SIGNING_KEY', () => {
  it('takes an Ed25519 key as PKCS#8 PEM, with line breaks written as \\n, or base64 DER', () => {
    const pem = ed25519.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = ed25519.export({ format: 'der', type: 'pkcs8' }).toString('base64');

    expect(loadConfig(env(pem)).signingKey).toBe(pem.trim());
    expect(loadConfig(env(pem.replace(/\n/g, '\\n'))).signingKey).toBeTruthy();
    expect(loadConfig(env(der)).signingKey).toBe(der);
  });

  it('stops the start naming the setting, never the key, when it is not an Ed25519 key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();

    expect(() => loadConfig(env(rsa))).toThrow(
      'CHRONICLE_SIGNING_KEY is a rsa key, not an Ed25519 key',
    );
    expect(() => loadConfig(env('c2VjcmV0LXRleHQ='))).toThrow(
      /^Invalid configuration: CHRONICLE_SIGNING_KEY is not a PKCS#8 private key[^=]*$/,
    );
  });
});
