import { idsOf, seed, sortedIds, type ContractContext } from '../fixtures';
import { PEOPLE, QUERY_CASES, SORT_CASES } from './people';

export function describeQueryContract({ store, names }: ContractContext): void {
  describe('queries', () => {
    const people = names.next('people');
    const indexed = names.next('indexed-people');
    beforeAll(async () => {
      await seed(store(), names, people, PEOPLE);
      await seed(store(), names, indexed, PEOPLE);
      const fields = [['stage'], ['score'], ['vip'], ['address.city'], ['ownerId', 'registeredAt']];
      const indexes = fields.map((paths) => ({ collection: indexed, fields: paths }));
      await store().ensureIndexes(indexes);
      await store().ensureIndexes(indexes);
    });

    describe.each([
      ['without indexes', () => people],
      ['with indexes', () => indexed],
    ])('%s', (_label, collection) => {
      it.each(QUERY_CASES)('find: %s', async (_what, query, expected) => {
        expect(sortedIds(await store().find(collection(), query))).toEqual(expected);
      });

      it.each(QUERY_CASES)('count: %s', async (_what, query, expected) => {
        expect(await store().count(collection(), query)).toBe(expected.length);
      });

      it.each(SORT_CASES)('sort: %s', async (_what, sort, expected) => {
        expect(idsOf(await store().find(collection(), {}, { sort }))).toEqual(expected);
      });
    });

    it('pages with skip and limit after sorting', async () => {
      const page = await store().find(people, {}, { sort: { registeredAt: 1 }, skip: 1, limit: 2 });
      expect(idsOf(page)).toEqual(['p1', 'p2']);
      const latest = await store().find(people, {}, { sort: { registeredAt: -1 }, limit: 2 });
      expect(idsOf(latest)).toEqual(['p6', 'p4']);
    });

    it('filters, sorts and pages together', async () => {
      const leads = await store().find(people, { stage: 'lead' }, { sort: { name: -1 }, skip: 1 });
      expect(idsOf(leads)).toEqual(['p3', 'p1']);
      const firstVip = await store().find(
        people,
        { tags: 'vip' },
        { sort: { registeredAt: 1 }, limit: 1 },
      );
      expect(idsOf(firstVip)).toEqual(['p5']);
    });

    it('reads a limit of 0 as no limit, as MongoDB does', async () => {
      expect(await store().find(people, {}, { limit: 0 })).toHaveLength(PEOPLE.length);
    });

    it('finds nothing in a collection never written', async () => {
      const empty = names.next('empty');
      expect(await store().find(empty, { stage: 'lead' })).toEqual([]);
      expect(await store().count(empty, {})).toBe(0);
    });

    it('returns documents whole', async () => {
      const [ada] = await store().find(people, { name: 'Ada' });
      expect(ada).toEqual(PEOPLE[0]);
    });
  });
}
