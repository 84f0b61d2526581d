import { ErasedSubjectError, type KeyStore, MissingKeyError } from '../key-store.port';

/**
 * The behaviour every KeyStore adapter shares. `openStore` gives a fresh, empty store per test;
 * the suite closes it.
 */
export function describeKeyStoreContract(name: string, openStore: () => Promise<KeyStore>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let keys: KeyStore;
    beforeEach(async () => {
      keys = await openStore();
    });
    afterEach(async () => {
      await keys.close();
    });

    it('creates a 32-byte key on first use and gives the same key afterwards', async () => {
      const created = await keys.keyFor('C-1');
      expect(created).toHaveLength(32);
      expect(await keys.keyFor('C-1')).toEqual(created);
      expect(await keys.existingKey('C-1')).toEqual(created);
    });

    it('gives every subject a key of its own', async () => {
      const first = await keys.keyFor('C-1');
      const second = await keys.keyFor('C-2');
      expect(second.equals(first)).toBe(false);
    });

    it('ends with one key when 50 callers ask for a new subject at once', async () => {
      const answers = await Promise.all(Array.from({ length: 50 }, () => keys.keyFor('C-new')));
      const distinct = new Set(answers.map((key) => key.toString('hex')));
      expect(distinct.size).toBe(1);
      expect(await keys.existingKey('C-new')).toEqual(answers[0]);
    });

    it('refuses loudly to read a key that never existed, and does not create it', async () => {
      await expect(keys.existingKey('C-unknown')).rejects.toThrow(MissingKeyError);
      await expect(keys.existingKey('C-unknown')).rejects.toMatchObject({
        subjectId: 'C-unknown',
      });
    });

    it('reads a destroyed key as erased and never makes a new one for the subject', async () => {
      await keys.keyFor('C-1');
      await keys.destroy('C-1');
      expect(await keys.existingKey('C-1')).toBe('erased');
      await expect(keys.keyFor('C-1')).rejects.toThrow(ErasedSubjectError);
      expect(await keys.existingKey('C-1')).toBe('erased');
    });

    it('leaves the keys of other subjects in place when one is destroyed', async () => {
      const kept = await keys.keyFor('C-2');
      await keys.keyFor('C-1');
      await keys.destroy('C-1');
      expect(await keys.existingKey('C-2')).toEqual(kept);
    });

    it('tombstones a subject that never had a key, and destroys idempotently', async () => {
      await keys.destroy('C-never');
      await keys.destroy('C-never');
      expect(await keys.existingKey('C-never')).toBe('erased');
      await expect(keys.keyFor('C-never')).rejects.toThrow(ErasedSubjectError);
    });

    it('forgets a key cached before the destroy', async () => {
      await keys.keyFor('C-1');
      await keys.existingKey('C-1');
      await keys.destroy('C-1');
      await expect(keys.keyFor('C-1')).rejects.toThrow(ErasedSubjectError);
    });
  });
}
