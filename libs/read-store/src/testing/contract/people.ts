import type { DocumentQuery, ReadDocument } from '../../read-store.port';

/**
 * The query suite's documents: the types a field may hold side by side (a number and a numeric
 * string, `true` and `1`, null and missing), nested objects and arrays.
 */
export const PEOPLE: ReadDocument[] = [
  {
    _id: 'p1',
    name: 'Ada',
    stage: 'lead',
    score: 10,
    ratio: 0.5,
    vip: true,
    registeredAt: '2024-01-05T10:00:00.000Z',
    address: { city: 'Paris', zip: '75001' },
    tags: ['vip', 'newsletter'],
    ownerId: 'u1',
  },
  {
    _id: 'p2',
    name: 'Bob',
    stage: 'mql',
    score: 7.5,
    ratio: 0.25,
    vip: false,
    registeredAt: '2024-01-20T08:30:00.000Z',
    address: { city: 'Lyon' },
    tags: ['newsletter'],
    ownerId: 'u2',
  },
  {
    _id: 'p3',
    name: 'Cleo',
    stage: 'lead',
    score: '10',
    vip: null,
    registeredAt: '2024-02-01T00:00:00.000Z',
    address: { city: 'Paris' },
    tags: [],
    ownerId: null,
  },
  {
    _id: 'p4',
    name: 'Dan',
    stage: 'customer',
    score: 25,
    ratio: 1,
    registeredAt: '2024-02-14T12:00:00.000Z',
    ownerId: 'u1',
    mergedInto: 'p1',
  },
  {
    _id: 'p5',
    name: 'Eve',
    stage: 'sql',
    score: -3,
    ratio: 0.75,
    vip: true,
    registeredAt: '2023-12-31T23:59:59.999Z',
    address: null,
    tags: ['vip'],
  },
  {
    _id: 'p6',
    name: 'Finn',
    stage: 'lead',
    score: 10,
    vip: 1,
    registeredAt: '2024-03-01T00:00:00.000Z',
    address: { city: 'Berlin', zip: '10115' },
    ownerId: 'u3',
  },
];

const JANUARY = { $gte: '2024-01-01T00:00:00.000Z', $lt: '2024-02-01T00:00:00.000Z' };

/** `[what it shows, query, the ids it matches]`, the answers MongoDB gives. */
export const QUERY_CASES: [string, DocumentQuery, string[]][] = [
  ['everything', {}, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']],
  ['string equality', { stage: 'lead' }, ['p1', 'p3', 'p6']],
  ['a number never equals a numeric string', { score: 10 }, ['p1', 'p6']],
  ['a numeric string never equals a number', { score: '10' }, ['p3']],
  ['float equality', { ratio: 0.25 }, ['p2']],
  ['true is not 1', { vip: true }, ['p1', 'p5']],
  ['1 is not true', { vip: 1 }, ['p6']],
  ['false', { vip: false }, ['p2']],
  ['null matches null and missing', { vip: null }, ['p3', 'p4']],
  ['$gte null means null or missing', { vip: { $gte: null } }, ['p3', 'p4']],
  ['$gt null matches nothing', { vip: { $gt: null } }, []],
  ['$in', { stage: { $in: ['mql', 'sql'] } }, ['p2', 'p5']],
  ['$in with null', { ownerId: { $in: ['u2', null] } }, ['p2', 'p3', 'p5']],
  ['$in of mixed types', { score: { $in: ['10', 25] } }, ['p3', 'p4']],
  ['$in empty', { stage: { $in: [] } }, []],
  ['$gt on numbers leaves strings out', { score: { $gt: 7.5 } }, ['p1', 'p4', 'p6']],
  ['$gte with $lt', { score: { $gte: 7.5, $lt: 25 } }, ['p1', 'p2', 'p6']],
  ['$lte', { score: { $lte: 0 } }, ['p5']],
  ['$gt on strings leaves numbers out', { score: { $gt: '0' } }, ['p3']],
  ['ISO dates compare as strings', { registeredAt: JANUARY }, ['p1', 'p2']],
  ['$exists false', { ratio: { $exists: false } }, ['p3', 'p6']],
  ['$exists true counts null', { address: { $exists: true } }, ['p1', 'p2', 'p3', 'p5', 'p6']],
  ['dotted path', { 'address.city': 'Paris' }, ['p1', 'p3']],
  ['dotted path $exists', { 'address.zip': { $exists: true } }, ['p1', 'p6']],
  ['$and', { $and: [{ stage: 'lead' }, { score: { $gte: 10 } }] }, ['p1', 'p6']],
  ['_id', { _id: { $in: ['p2', 'p9', 'p4'] } }, ['p2', 'p4']],
  [
    'the funnel cohort',
    { ownerId: 'u1', registeredAt: { $gte: '2024-01-01' }, mergedInto: { $exists: false } },
    ['p1'],
  ],
  ['an array matches by element', { tags: 'vip' }, ['p1', 'p5']],
  ['$in on an array', { tags: { $in: ['newsletter'] } }, ['p1', 'p2']],
  ['a range on an array', { tags: { $gt: 'o' } }, ['p1', 'p5']],
  [
    '$exists on an array counts an empty one',
    { tags: { $exists: true } },
    ['p1', 'p2', 'p3', 'p5'],
  ],
  ['keyset paging', { $and: [{ stage: 'lead' }, { _id: { $gt: 'p1' } }] }, ['p3', 'p6']],
];

/** `[what it shows, sort, ids in order]`. */
export const SORT_CASES: [string, Record<string, 1 | -1>, string[]][] = [
  ['numbers before strings', { score: 1, _id: 1 }, ['p5', 'p2', 'p1', 'p6', 'p4', 'p3']],
  ['descending, ties by _id', { score: -1, _id: 1 }, ['p3', 'p4', 'p1', 'p6', 'p2', 'p5']],
  [
    'null and missing, numbers, then false and true',
    { vip: 1, _id: 1 },
    ['p3', 'p4', 'p6', 'p2', 'p1', 'p5'],
  ],
  ['a dotted path', { 'address.city': 1, _id: 1 }, ['p4', 'p5', 'p6', 'p2', 'p1', 'p3']],
  ['_id descending', { _id: -1 }, ['p6', 'p5', 'p4', 'p3', 'p2', 'p1']],
];
