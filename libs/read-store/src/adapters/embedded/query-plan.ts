import type { DocumentQuery, FindOptions } from '../../read-store.port';
import type { ArrayTerm } from './array-match';
import { pinnedRank, translateFieldCondition } from './field-condition';
import { fieldSql, type FieldSql, type SqlCondition } from './sql-text';

/** Whether SQL may read `path` of the collection's documents: no document holds an array on it. */
export type PathCheck = (path: string) => boolean;

/**
 * A query split in two: the SQL for every condition on a path without arrays, and the conditions
 * on paths that have held arrays, tested on the rows SQL returns (see `matchesArrayTerm`).
 */
export interface QueryPlan extends SqlCondition {
  arrayTerms: ArrayTerm[];
  /** Fields whose type rank the SQL pins to one value (see `pinnedRank`). */
  pinnedRanks: Map<string, number>;
}

/** Splits `query`, its `$and` members flattened, into SQL and array terms. */
export function planQuery(query: DocumentQuery, sqlMayRead: PathCheck): QueryPlan {
  const translated: SqlCondition[] = [];
  const arrayTerms: ArrayTerm[] = [];
  const pinnedRanks = new Map<string, number>();
  for (const [path, condition] of conjuncts(query)) {
    // Translated even for an array term: that refuses what the port does not allow.
    const sql = translateFieldCondition(readableField(path), condition);
    if (!sqlMayRead(path)) {
      arrayTerms.push({ path, condition });
      continue;
    }
    translated.push(sql);
    const rank = pinnedRank(condition);
    if (rank !== undefined) pinnedRanks.set(path, rank);
  }
  return {
    sql: translated.length === 0 ? '1' : translated.map((part) => `(${part.sql})`).join(' AND '),
    params: translated.flatMap((part) => part.params),
    arrayTerms,
    pinnedRanks,
  };
}

/**
 * The SQL `ORDER BY` for a MongoDB sort. A field orders by type rank, then value, unless the
 * query pins its rank: SQLite does not see that an equality makes an ORDER BY term redundant for
 * an expression, and would sort instead of reading the index in order. Sorting on a path that has
 * held arrays (MongoDB orders an array by its least or greatest element) is refused: no caller
 * needs it.
 */
export function orderBy(
  sort: FindOptions['sort'],
  sqlMayRead: PathCheck,
  pinnedRanks: ReadonlyMap<string, number> = new Map(),
): string {
  const keys: string[] = [];
  for (const [path, direction] of Object.entries(sort ?? {})) {
    const order = direction === -1 ? 'DESC' : 'ASC';
    const field = readableField(path);
    if (!sqlMayRead(path)) throw new RangeError(`Cannot sort on ${path}: it has held arrays`);
    if (path === '_id') keys.push(`id ${order}`);
    else if (pinnedRanks.has(path)) keys.push(`${field.value} ${order}`);
    else keys.push(`${field.rank} ${order}, ${field.value} ${order}`);
  }
  // No tie-breaker: ties are in no particular order in MongoDB either, and one would keep SQLite
  // from reading a sort straight off an index.
  return keys.length > 0 ? keys.join(', ') : 'id ASC';
}

// Untyped callers could still pass an operator where a field belongs, or a path segment SQLite
// cannot quote; refusing them beats answering differently from MongoDB.
function readableField(path: string): FieldSql {
  const field = path.startsWith('$') ? undefined : fieldSql(path);
  if (!field) throw new RangeError(`Unsupported read-store field path: ${path}`);
  return field;
}

function conjuncts(query: DocumentQuery): [string, unknown][] {
  return Object.entries(query).flatMap(([key, value]): [string, unknown][] =>
    key === '$and' && Array.isArray(value)
      ? (value as DocumentQuery[]).flatMap(conjuncts)
      : [[key, value]],
  );
}
