import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { find as mingoFind } from 'mingo';
import type {
  DocumentQuery,
  FieldOperators,
  FieldQuery,
  FindOptions,
  ReadDocument,
} from '../../read-store.port';
import { idsOf, sortedIds } from '../../testing';
import { SqliteReadStore } from './sqlite-read-store';

// Property: on random documents and queries of the shapes the port allows, the store (SQL, and
// JavaScript for paths that have held arrays) answers what mingo answers over the same documents.
// mingo stays here, as a dev dependency, because it is an implementation of MongoDB's semantics
// written apart from ours: a matcher written beside the store would share its misreadings.
// Strings are ASCII because mingo orders strings by UTF-16 units and SQLite, like MongoDB, by
// UTF-8 bytes; range bounds are never null because mingo reads `$gte: null` as "is null" and
// MongoDB (and this store) as "null or missing"; objects are never compared with objects in sorts
// (MongoDB's field-by-field order is not SQL's), and `a`, which may hold arrays, is never sorted
// on (the store refuses it).

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'c', '10', '', 'd1', '2024-01-01T00:00:00.000Z', '2024-02-01'),
  fc.integer({ min: -5, max: 20 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const nested = fc.record({ x: scalar, y: scalar }, { requiredKeys: [] });
const documentBody = fc.record(
  {
    a: fc.oneof(
      { weight: 5, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    ),
    b: scalar,
    n: fc.oneof({ weight: 4, arbitrary: nested }, { weight: 1, arbitrary: scalar }),
  },
  { requiredKeys: [] },
);

const rangeBound = scalar.filter((value) => value !== null);
const operatorCondition: fc.Arbitrary<FieldOperators> = fc.oneof(
  fc.record({ $in: fc.array(scalar, { maxLength: 4 }) }),
  fc.record({ $exists: fc.boolean() }),
  fc.dictionary(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), rangeBound, {
    minKeys: 1,
    maxKeys: 2,
  }),
);
const fieldQuery: fc.Arbitrary<FieldQuery> = fc.dictionary(
  fc.constantFrom('a', 'b', 'n.x', 'n.y', '_id'),
  fc.oneof(scalar, operatorCondition),
  { maxKeys: 3 },
);
const query: fc.Arbitrary<DocumentQuery> = fc.oneof(
  fieldQuery,
  fc.array(fieldQuery, { minLength: 1, maxLength: 3 }).map((members) => ({ $and: members })),
);
const options: fc.Arbitrary<FindOptions | undefined> = fc.option(
  fc
    .record({
      key: fc.constantFrom('b', 'n.x', '_id'),
      direction: fc.constantFrom<1 | -1>(1, -1),
      skip: fc.option(fc.nat(5), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    })
    .map(({ key, direction, skip, limit }) => ({
      sort: key === '_id' ? { _id: direction } : { [key]: direction, _id: 1 },
      skip,
      limit,
    })),
  { nil: undefined },
);

function mingoAnswer(documents: ReadDocument[], q: DocumentQuery, o?: FindOptions): ReadDocument[] {
  let cursor = mingoFind(documents, q as Record<string, unknown>);
  if (o?.sort) cursor = cursor.sort(o.sort);
  if (o?.skip) cursor = cursor.skip(o.skip);
  if (o?.limit) cursor = cursor.limit(o.limit);
  return cursor.all() as ReadDocument[];
}

describe('embedded queries agree with mingo', () => {
  const directory = mkdtempSync(join(tmpdir(), 'chronicle-rs-prop-'));
  const store = SqliteReadStore.open({ path: join(directory, 'read-models.sqlite') });
  let run = 0;
  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('on random documents, queries, sorts and pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(documentBody, { maxLength: 25 }),
        query,
        options,
        fc.boolean(),
        async (bodies, q, o, indexed) => {
          run += 1;
          const collection = `prop.${run}`;
          const documents = bodies.map((body, index) => ({ _id: `d${index}`, ...body }));
          if (indexed) {
            const fields = [['a'], ['b'], ['n.x', 'b']];
            await store.ensureIndexes(fields.map((paths) => ({ collection, fields: paths })));
          }
          await store.applyBatch({
            projection: collection,
            writes: documents.map((document) => ({ kind: 'put', collection, document })),
            expectedCheckpoint: undefined,
            checkpoint: '1',
          });
          // What SQLite stored is JSON: compare with mingo over the same JSON (no -0).
          const asJson = JSON.parse(JSON.stringify(documents)) as ReadDocument[];
          const expected = mingoAnswer(asJson, q, o);
          const found = await store.find(collection, q, o);
          if (o?.sort) expect(idsOf(found)).toEqual(idsOf(expected));
          else expect(sortedIds(found)).toEqual(sortedIds(expected));
          expect(await store.count(collection, q)).toBe(mingoAnswer(asJson, q).length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
