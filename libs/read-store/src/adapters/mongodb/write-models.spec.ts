import type { DocumentWrite } from '../../read-store.port';
import { prefixPattern, toBulkOperations, toDriverFindOptions, toIndexKeys } from './write-models';

describe('MongoDB write models', () => {
  it('turns a batch into one ordered bulkWrite per collection', () => {
    const writes: DocumentWrite[] = [
      { kind: 'put', collection: 'contacts', document: { _id: 'a', v: 1 } },
      { kind: 'delete', collection: 'deals', id: 'd' },
      { kind: 'delete', collection: 'contacts', id: 'a' },
      { kind: 'put', collection: 'contacts', document: { _id: 'a', v: 2 } },
    ];
    expect([...toBulkOperations(writes)]).toEqual([
      [
        'contacts',
        [
          { replaceOne: { filter: { _id: 'a' }, replacement: { _id: 'a', v: 1 }, upsert: true } },
          { deleteOne: { filter: { _id: 'a' } } },
          { replaceOne: { filter: { _id: 'a' }, replacement: { _id: 'a', v: 2 }, upsert: true } },
        ],
      ],
      ['deals', [{ deleteOne: { filter: { _id: 'd' } } }]],
    ]);
    expect(toBulkOperations([]).size).toBe(0);
  });

  it('passes sort, skip and limit through, leaving out what was not given', () => {
    expect(toDriverFindOptions({ sort: { startsAt: 1, _id: -1 }, skip: 5, limit: 0 })).toEqual({
      sort: { startsAt: 1, _id: -1 },
      skip: 5,
      limit: 0,
    });
    expect(toDriverFindOptions()).toEqual({});
    expect(() => toDriverFindOptions({ limit: -1 })).toThrow(RangeError);
    expect(() => toDriverFindOptions({ skip: 1.5 })).toThrow(RangeError);
  });

  it('keeps index fields in order', () => {
    expect(Object.keys(toIndexKeys(['campaignId', 'registeredAt']))).toEqual([
      'campaignId',
      'registeredAt',
    ]);
  });

  it('matches names by literal prefix', () => {
    const pattern = prefixPattern('funnel.g1.');
    expect(pattern.test('funnel.g1.contacts')).toBe(true);
    expect(pattern.test('funnel.g10.contacts')).toBe(false);
    expect(pattern.test('funnelXg1Xcontacts')).toBe(false);
    expect(pattern.test('x.funnel.g1.contacts')).toBe(false);
    expect(prefixPattern('a$(b)*').test('a$(b)*c')).toBe(true);
  });
});
