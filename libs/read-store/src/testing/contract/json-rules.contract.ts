import { CheckpointMovedError, type DocumentQuery, type ReadDocument } from '../../read-store.port';
import { InvalidDocumentError, MAX_DOCUMENT_BYTES } from '../../validate-writes';
import { seed, type ContractContext } from '../fixtures';

/**
 * Where JavaScript values and the stores could part ways, every adapter follows JSON: a field set
 * to undefined is left out, undefined in an array reads back as null. What no adapter could store
 * alike is refused, whole, before anything of its batch is written.
 */
export function describeJsonRulesContract({ store, names }: ContractContext): void {
  describe('documents as JSON', () => {
    it('leaves out fields set to undefined, at any depth, and reads undefined in an array as null', async () => {
      const collection = names.next('docs');
      const written = {
        _id: 'u',
        kept: 1,
        gone: undefined,
        nested: { gone: undefined, kept: 'yes' },
        list: [1, undefined, { gone: undefined }],
      } as unknown as ReadDocument;
      await seed(store(), names, collection, [written]);
      const read = await store().get(collection, 'u');
      expect(read).toEqual({ _id: 'u', kept: 1, nested: { kept: 'yes' }, list: [1, null, {}] });
      expect(Object.keys(read!)).toEqual(['_id', 'kept', 'nested', 'list']);
      expect(await store().count(collection, { gone: { $exists: false } })).toBe(1);
    });

    it('refuses a query holding undefined, rather than match everything or nothing', async () => {
      const collection = names.next('docs');
      await seed(store(), names, collection, [{ _id: 'a', stage: 'lead' }]);
      // Only a caller that bypasses the port's type can write these.
      const undefinedField = { stage: undefined } as unknown as DocumentQuery;
      await expect(store().find(collection, undefinedField)).rejects.toBeInstanceOf(
        InvalidDocumentError,
      );
      const undefinedInList = {
        $and: [{ stage: 'lead' }, { owner: { $in: [undefined] } }],
      } as unknown as DocumentQuery;
      await expect(store().count(collection, undefinedInList)).rejects.toBeInstanceOf(
        InvalidDocumentError,
      );
    });

    it.each([
      ['a top-level field starting with $', { _id: 'bad', $inc: 1 }],
      ['a document over 16 MiB', { _id: 'bad', text: 'x'.repeat(MAX_DOCUMENT_BYTES + 1) }],
    ])('refuses %s, and writes nothing of its batch', async (_what, document) => {
      const [projection, collection] = [names.next('p'), names.next('docs')];
      const refused = store().applyBatch({
        projection,
        writes: [
          { kind: 'put', collection, document: { _id: 'fine' } },
          { kind: 'put', collection, document: document },
        ],
        expectedCheckpoint: undefined,
        checkpoint: '1',
      });
      await expect(refused).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(refused).rejects.not.toBeInstanceOf(CheckpointMovedError);
      expect(await store().checkpoint(projection)).toBeUndefined();
      expect(await store().get(collection, 'fine')).toBeUndefined();
    });
  });
}
