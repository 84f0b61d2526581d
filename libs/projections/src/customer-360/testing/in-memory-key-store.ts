import { randomBytes } from 'node:crypto';
import type { KeyStore } from '@chronicle/application';

/** Per-subject keys in memory, with erasure tombstones: enough for the real cipher in view tests. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer | 'erased'>();

  keyFor(subjectId: string): Promise<Buffer> {
    const key = this.keys.get(subjectId);
    if (key === 'erased') return Promise.reject(new Error(`${subjectId} was erased`));
    const created = key ?? randomBytes(32);
    this.keys.set(subjectId, created);
    return Promise.resolve(created);
  }

  existingKey(subjectId: string): Promise<Buffer | 'erased'> {
    const key = this.keys.get(subjectId);
    return key ? Promise.resolve(key) : Promise.reject(new Error(`no key for ${subjectId}`));
  }

  destroy(subjectId: string): Promise<void> {
    this.keys.set(subjectId, 'erased');
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
