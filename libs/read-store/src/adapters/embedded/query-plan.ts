import type { DocumentQuery, FindOptions } from '../../read-store.port';
import { translateFieldCondition } from './field-condition';
import { fieldSql, type SqlCondition } from './sql-text';

/** Whether SQL may read `path` of the collection's documents: no document holds an array on it. */
export type PathCheck = (path: string) => boolean;

/**
 * A query split in two: `where` is the SQL for every part it could translate; `residual` is what
 * only mingo can answer, tested on the rows SQL returns (undefined when SQL said it all).
 */
export interface QueryPlan extends SqlCondition {
  residual: DocumentQuery | undefined;
}

/**
 * Splits `query` into SQL and a residual. Top-level conditions (and members of `$and`) are
 * translated one by one; an `$or` is translated only when every branch is, whole.
 */
export function planQuery(query: DocumentQuery, sqlMayRead: PathCheck): QueryPlan {
  const translated: SqlCondition[] = [];
  const residual: DocumentQuery[] = [];
  for (const [key, value] of conjuncts(query)) {
    const sql = translateTerm(key, value, sqlMayRead);
    if (sql) translated.push(sql);
    else residual.push({ [key]: value });
  }
  return {
    sql: translated.length === 0 ? '1' : translated.map((part) => `(${part.sql})`).join(' AND '),
    params: translated.flatMap((part) => part.params),
    residual:
      residual.length === 0 ? undefined : residual.length === 1 ? residual[0] : { $and: residual },
  };
}

/** The SQL `ORDER BY` for a MongoDB sort, or undefined when only mingo can sort on it. */
export function orderBy(sort: FindOptions['sort'], sqlMayRead: PathCheck): string | undefined {
  const keys: string[] = [];
  for (const [path, direction] of Object.entries(sort ?? {})) {
    const order = direction === -1 ? 'DESC' : 'ASC';
    const field = fieldSql(path);
    if (!field || !sqlMayRead(path)) return undefined;
    // MongoDB's order across types: null and missing, numbers, strings, objects, booleans.
    const typeRank = `CASE ${field.type} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'object' THEN 3 WHEN 'true' THEN 5 WHEN 'false' THEN 5 ELSE 0 END`;
    keys.push(path === '_id' ? `id ${order}` : `${typeRank} ${order}, ${field.value} ${order}`);
  }
  // Ties are in no particular order in MongoDB; here they follow `_id`, so pages are stable.
  keys.push('id ASC');
  return keys.join(', ');
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
