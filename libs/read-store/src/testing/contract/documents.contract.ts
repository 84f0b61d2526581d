import type { ReadDocument } from '../../read-store.port';
import { idsOf, seed, type ContractContext } from '../fixtures';

// `_id` first: MongoDB moves it there, and the JSON text is compared whole.
const RICH_DOCUMENT: ReadDocument = {
  _id: 'rich',
  name: 'Zoë Ångström — 山田 🚀',
  quotes: 'say "hi" \\ back\nslash\ttab',
  integer: 42,
  negative: -17,
  float: 0.1,
  tiny: 1e-7,
  huge: 1.7976931348623157e308,
  safe: Number.MAX_SAFE_INTEGER,
  yes: true,
  no: false,
  nothing: null,
  empty: {},
  none: [],
  nested: { level: { deeper: { value: 'x', list: [1, 'two', { three: 3 }, [4, 5]] } } },
  history: [
    { stage: 'lead', at: '2024-01-01T00:00:00.000Z' },
    { stage: 'mql', at: '2024-02-01T00:00:00.000Z' },
  ],
};

export function describeDocumentContract({ store, names }: ContractContext): void {
  describe('documents', () => {
    it('reads a document back exactly as written: nesting, arrays, unicode, numbers', async () => {
      const collection = names.next('docs');
      await seed(store(), names, collection, [RICH_DOCUMENT]);
      const stored = await store().get(collection, 'rich');
      expect(stored).toEqual(RICH_DOCUMENT);
      expect(JSON.stringify(stored)).toBe(JSON.stringify(RICH_DOCUMENT));
    });

    it('answers undefined for a missing document or collection', async () => {
      const collection = names.next('docs');
      await seed(store(), names, collection, [{ _id: 'a' }]);
      expect(await store().get(collection, 'b')).toBeUndefined();
      expect(await store().get(names.next('never-written'), 'a')).toBeUndefined();
    });

    it('replaces a document whole on put, and forgets it on delete', async () => {
      const collection = names.next('docs');
      await seed(store(), names, collection, [{ _id: 'a', kept: 1, dropped: 2 }]);
      await seed(store(), names, collection, [{ _id: 'a', kept: 3 }]);
      expect(await store().get(collection, 'a')).toEqual({ _id: 'a', kept: 3 });

      const projection = names.next('p');
      await store().applyBatch({
        projection,
        writes: [
          { kind: 'delete', collection, id: 'a' },
          { kind: 'delete', collection, id: 'never-there' },
        ],
        expectedCheckpoint: undefined,
        checkpoint: '1',
      });
      expect(await store().get(collection, 'a')).toBeUndefined();
    });

    it('applies the writes of one batch in order, across collections', async () => {
      const contacts = names.next('contacts');
      const deals = names.next('deals');
      await store().applyBatch({
        projection: names.next('p'),
        writes: [
          { kind: 'put', collection: contacts, document: { _id: 'x', version: 1 } },
          { kind: 'put', collection: deals, document: { _id: 'x', amount: 5 } },
          { kind: 'put', collection: contacts, document: { _id: 'x', version: 2 } },
          { kind: 'put', collection: contacts, document: { _id: 'gone', version: 1 } },
          { kind: 'delete', collection: contacts, id: 'gone' },
        ],
        expectedCheckpoint: undefined,
        checkpoint: '9',
      });
      expect(await store().get(contacts, 'x')).toEqual({ _id: 'x', version: 2 });
      expect(await store().get(deals, 'x')).toEqual({ _id: 'x', amount: 5 });
      expect(await store().get(contacts, 'gone')).toBeUndefined();
    });

    it('getMany answers in the order of the ids asked, each once, leaving missing ones out', async () => {
      const collection = names.next('docs');
      await seed(store(), names, collection, [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
      const found = await store().getMany(collection, ['c', 'missing', 'a', 'c']);
      expect(idsOf(found)).toEqual(['c', 'a']);
      expect(await store().getMany(collection, [])).toEqual([]);
    });

    it('getMany reads more ids than one SQL statement or request would hold', async () => {
      const collection = names.next('docs');
      const ids = Array.from({ length: 1_200 }, (_, index) => `id-${index}`);
      await seed(
        store(),
        names,
        collection,
        ids.map((_id) => ({ _id, n: 1 })),
      );
      const reversed = [...ids].reverse();
      expect(idsOf(await store().getMany(collection, reversed))).toEqual(reversed);
    });
  });
}
