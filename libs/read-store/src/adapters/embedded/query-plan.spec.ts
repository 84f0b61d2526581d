import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentQuery } from '../../read-store.port';
import { ArrayPaths } from './array-paths';
import { whereClause } from './document-queries';
import { orderBy, planQuery } from './query-plan';
import { applySchema } from './schema';
import { SqliteReadStore } from './sqlite-read-store';

const anyPath = (): boolean => true;

describe('query translation', () => {
  it.each<[string, DocumentQuery]>([
    [
      'the funnel cohort',
      { ownerId: 'u1', registeredAt: { $gte: 'a', $lt: 'b' }, mergedInto: { $exists: false } },
    ],
    [
      'the SLA cohort',
      { openedAt: { $gte: 'a', $lt: 'b' }, openingPriority: 'high', teamId: 't1' },
    ],
    ['the campaigns list', { launched: true, startsAt: { $gte: 'a' } }],
    ['$in and null', { a: { $in: ['x', 1, null] }, c: null, d: { $exists: true } }],
    ['$and and dotted paths', { $and: [{ 'a.b': 1 }, { c: 'x' }, { 'd.e': { $lt: 2 } }] }],
  ])('translates %s to SQL whole', (_shape, query) => {
    expect(planQuery(query, anyPath).arrayTerms).toEqual([]);
  });

  it.each([
    ['an operator the port does not allow', { name: { $regex: '^A' } }],
    ['an object compared whole', { address: { city: 'Paris' } }],
    ['$or', { $or: [{ a: 1 }] }],
    ['a path segment MongoDB reads as an array index', { 'items.0': 'x' }],
  ])('refuses %s', (_shape, query) => {
    expect(() => planQuery(query as unknown as DocumentQuery, anyPath)).toThrow(RangeError);
  });

  it('tests conditions on paths that have held arrays after SQL, and refuses to sort on them', () => {
    const noArraysUnderTags = (path: string): boolean => path !== 'tags';
    const plan = planQuery({ tags: 'vip', stage: 'lead' }, noArraysUnderTags);
    expect(plan.arrayTerms).toEqual([{ path: 'tags', condition: 'vip' }]);
    expect(plan.params).toEqual(['lead']);
    expect(() => orderBy({ tags: 1 }, noArraysUnderTags)).toThrow(RangeError);
    expect(orderBy({ stage: -1 }, noArraysUnderTags)).toContain('DESC');
  });
});

describe('array paths', () => {
  it('marks every path at which a document holds an array, and what lies below it', () => {
    const db = new Database(':memory:');
    applySchema(db);
    const arrayPaths = new ArrayPaths(db);
    arrayPaths.record('c', { _id: 'a', tags: ['x'], n: { list: [{ deep: 1 }], x: 1 } });
    expect(
      ['tags', 'tags.kind', 'n.list', 'n.list.deep'].map((path) =>
        arrayPaths.sqlMayRead('c', path),
      ),
    ).toEqual([false, false, false, false]);
    expect(['n', 'n.x', 'stage', '_id'].map((path) => arrayPaths.sqlMayRead('c', path))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(arrayPaths.sqlMayRead('other', 'tags')).toBe(true);
    expect(new ArrayPaths(db).sqlMayRead('c', 'n.list')).toBe(false);
    db.close();
  });
});

describe('indexes serve the translated queries', () => {
  const directory = mkdtempSync(join(tmpdir(), 'chronicle-rs-plan-'));
  const path = join(directory, 'read-models.sqlite');
  let inspector: Database.Database;
  beforeAll(async () => {
    const store = SqliteReadStore.open({ path });
    await store.ensureIndexes([
      { collection: 'funnel.g1.contacts', fields: ['ownerId', 'registeredAt'] },
      { collection: 'funnel.g1.contacts', fields: ['registeredAt'] },
      { collection: 'sla.g1.tickets', fields: ['openedAt'] },
      { collection: 'crm.g1.people', fields: ['address.city'] },
    ]);
    await store.close();
    inspector = new Database(path, { readonly: true });
  });
  afterAll(() => {
    inspector.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const planOf = (
    collection: string,
    query: DocumentQuery,
    sort?: Record<string, 1 | -1>,
  ): string => {
    const plan = planQuery(query, anyPath);
    const order = sort ? ` ORDER BY ${orderBy(sort, anyPath, plan.pinnedRanks)} LIMIT 50` : '';
    const sql = `EXPLAIN QUERY PLAN SELECT body FROM documents WHERE ${whereClause(collection, plan)}${order}`;
    const rows = inspector.prepare(sql).all(...plan.params) as { detail: string }[];
    return rows.map((row) => row.detail).join('; ');
  };

  it.each([
    [
      'funnel.g1.contacts',
      { ownerId: 'u1', registeredAt: { $gte: 'a' }, mergedInto: { $exists: false } },
    ],
    ['funnel.g1.contacts', { registeredAt: { $gte: 'a', $lt: 'b' } }],
    ['sla.g1.tickets', { openedAt: { $gte: 'a', $lt: 'b' }, teamId: 't1' }],
    ['crm.g1.people', { 'address.city': { $in: ['Paris', 'Lyon'] } }],
  ])('%s %j searches an expression index', (collection, query) => {
    expect(planOf(collection, query)).toMatch(
      /SEARCH documents USING INDEX documents_ix_\w+ \(collection=\? AND <expr>/,
    );
  });

  it("does not use another collection's partial index", () => {
    expect(planOf('funnel.g2.contacts', { registeredAt: { $gte: 'a' } })).not.toMatch(
      /documents_ix_/,
    );
  });

  it('prefers the index that fixes more fields', () => {
    const query = { ownerId: 'u1', registeredAt: { $gte: 'a', $lt: 'b' } };
    const fixedColumns = planOf('funnel.g1.contacts', query).match(/<expr>/g) ?? [];
    expect(fixedColumns).toHaveLength(5);
  });

  it('reads a sort off the index when the query pins the field to one type', () => {
    const pinned = planOf(
      'funnel.g1.contacts',
      { registeredAt: { $gte: 'a' } },
      { registeredAt: -1 },
    );
    expect(pinned).toMatch(/USING INDEX documents_ix_/);
    expect(pinned).not.toMatch(/TEMP B-TREE/);
    expect(planOf('funnel.g1.contacts', {}, { registeredAt: -1 })).not.toMatch(/TEMP B-TREE/);
  });
});
