import type { KeyStore } from '../privacy/key-store.port';
import { ErasedSubjectError } from '../privacy/privacy-errors';
import type { ErasedSubjects } from './erased-subjects';

/**
 * The key store every reader and writer of personal data uses: a subject whose erasure is stored
 * reads as erased and gets no key, whether or not its key has been destroyed yet.
 */
export class ErasureAwareKeyStore implements KeyStore {
  constructor(
    private readonly keys: KeyStore,
    private readonly erased: ErasedSubjects,
  ) {}

  keyFor(subjectId: string): Promise<Buffer> {
    if (this.erased.has(subjectId)) return Promise.reject(new ErasedSubjectError(subjectId));
    return this.keys.keyFor(subjectId);
  }

  existingKey(subjectId: string): Promise<Buffer | 'erased'> {
    if (this.erased.has(subjectId)) return Promise.resolve('erased');
    return this.keys.existingKey(subjectId);
  }

  destroy(subjectId: string): Promise<void> {
    return this.keys.destroy(subjectId);
  }

  close(): Promise<void> {
    return this.keys.close();
  }
}
