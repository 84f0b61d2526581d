import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyedHash, loadOrCreateSecret } from './keyed-hash';

const directory = mkdtempSync(join(tmpdir(), 'chronicle-secret-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('keyedHash', () => {
  const secret = randomBytes(32);

  it('gives the same hex digest for the same value and secret', () => {
    const hash = keyedHash(secret, 'zoe@example.org');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(Buffer.from(secret), 'zoe@example.org')).toBe(hash);
  });

  it('differs for another value or another secret, and does not contain the value', () => {
    const hash = keyedHash(secret, 'zoe@example.org');
    expect(keyedHash(secret, 'zoé@example.org')).not.toBe(hash);
    expect(keyedHash(randomBytes(32), 'zoe@example.org')).not.toBe(hash);
    expect(hash).not.toContain('zoe');
  });
});

describe('loadOrCreateSecret', () => {
  it('creates 32 random bytes in a file only its owner may read', () => {
    const path = join(directory, 'nested', 'first.secret');
    const secret = loadOrCreateSecret(path);
    expect(secret).toHaveLength(32);
    expect(readFileSync(path)).toEqual(secret);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reuses the secret on later starts', () => {
    const path = join(directory, 'reused.secret');
    const first = loadOrCreateSecret(path);
    expect(loadOrCreateSecret(path)).toEqual(first);
  });

  it('stops on a file of the wrong size or one others may read', () => {
    const short = join(directory, 'short.secret');
    writeFileSync(short, randomBytes(8), { mode: 0o600 });
    expect(() => loadOrCreateSecret(short)).toThrow(/8 bytes/);

    const open = join(directory, 'open.secret');
    writeFileSync(open, randomBytes(32));
    chmodSync(open, 0o644);
    expect(() => loadOrCreateSecret(open)).toThrow(/chmod 600/);
  });
});
