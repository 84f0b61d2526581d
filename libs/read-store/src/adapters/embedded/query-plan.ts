import type { DocumentQuery, FindOptions } from '../../read-store.port';
import { pinnedRank, translateFieldCondition } from './field-condition';
import { fieldSql, type SqlCondition } from './sql-text';

/** Whether SQL may read `path` of the collection's documents: no document holds an array on it. */
export type PathCheck = (path: string) => boolean;

/**
 * A query split in two: `where` is the SQL for every part it could translate; `residual` is what
 * only mingo can answer, tested on the rows SQL returns (undefined when SQL said it all).
 */
export interface QueryPlan extends SqlCondition {
  residual: DocumentQuery | undefined;
  /** Fields whose type rank the SQL pins to one value (see `pinnedRank`). */
  pinnedRanks: Map<string, number>;
}

/**
 * Splits `query` into SQL and a residual. Top-level conditions (and members of `$and`) are
 * translated one by one; an `$or` is translated only when every branch is, whole.
 */
export function planQuery(query: DocumentQuery, sqlMayRead: PathCheck): QueryPlan {
  const translated: SqlCondition[] = [];
  const residual: DocumentQuery[] = [];
  const pinnedRanks = new Map<string, number>();
  for (const [key, value] of conjuncts(query)) {
    const sql = translateTerm(key, value, sqlMayRead);
    if (!sql) {
      residual.push({ [key]: value });
      continue;
    }
    translated.push(sql);
    const rank = key.startsWith('$') ? undefined : pinnedRank(value);
    if (rank !== undefined) pinnedRanks.set(key, rank);
  }
  return {
    sql: translated.length === 0 ? '1' : translated.map((part) => `(${part.sql})`).join(' AND '),
    params: translated.flatMap((part) => part.params),
    residual:
      residual.length === 0 ? undefined : residual.length === 1 ? residual[0] : { $and: residual },
    pinnedRanks,
  };
}

/**
 * The SQL `ORDER BY` for a MongoDB sort, or undefined when only mingo can sort on it. A field
 * orders by type rank, then value, unless the query pins its rank: SQLite does not see that an
 * equality makes an ORDER BY term redundant for an expression, and would sort instead of reading
 * the index in order.
 */
export function orderBy(
  sort: FindOptions['sort'],
  sqlMayRead: PathCheck,
  pinnedRanks: ReadonlyMap<string, number> = new Map(),
): string | undefined {
  const keys: string[] = [];
  for (const [path, direction] of Object.entries(sort ?? {})) {
    const order = direction === -1 ? 'DESC' : 'ASC';
    const field = fieldSql(path);
    if (!field || !sqlMayRead(path)) return undefined;
    if (path === '_id') keys.push(`id ${order}`);
    else if (pinnedRanks.has(path)) keys.push(`${field.value} ${order}`);
    else keys.push(`${field.rank} ${order}, ${field.value} ${order}`);
  }
  // No tie-breaker: ties are in no particular order in MongoDB either, and one would keep SQLite
  // from reading a sort straight off an index.
  return keys.length > 0 ? keys.join(', ') : 'id ASC';
}

function conjuncts(query: DocumentQuery): [string, unknown][] {
  return Object.entries(query).flatMap(([key, value]): [string, unknown][] =>
    key === '$and' && Array.isArray(value) && value.length > 0 && value.every(isQueryObject)
      ? value.flatMap(conjuncts)
      : [[key, value]],
  );
}

function translateTerm(
  key: string,
  value: unknown,
  sqlMayRead: PathCheck,
): SqlCondition | undefined {
  if (key === '$or') return translateOr(value, sqlMayRead);
  if (key.startsWith('$')) return undefined;
  const field = fieldSql(key);
  if (!field || !sqlMayRead(key)) return undefined;
  return translateFieldCondition(field, value);
}

function translateOr(branches: unknown, sqlMayRead: PathCheck): SqlCondition | undefined {
  if (!Array.isArray(branches) || branches.length === 0 || !branches.every(isQueryObject)) {
    return undefined;
  }
  const translated: SqlCondition[] = [];
  for (const branch of branches) {
    const plan = planQuery(branch, sqlMayRead);
    if (plan.residual) return undefined;
    translated.push(plan);
  }
  return {
    sql: translated.map((branch) => `(${branch.sql})`).join(' OR '),
    params: translated.flatMap((branch) => branch.params),
  };
}

function isQueryObject(value: unknown): value is DocumentQuery {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
