import type { FieldSql, SqlCondition, SqlParam } from './sql-text';

type Scalar = string | number | boolean | null;

const NEVER: SqlCondition = { sql: '0', params: [] };
const NUMBER_TYPES = `('integer', 'real')`;
const RANGE_OPERATORS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Translates the condition on one field (`value` or `{ $op: operand, … }`) to SQL that answers as
 * MongoDB does for scalar values (strings, numbers, booleans, null), or undefined when it cannot.
 * The caller guarantees that no document holds an array on the field's path. Every comparison is
 * type-bracketed like MongoDB's, which `json_type` makes possible: `json_extract` alone reads
 * `true` as 1 and an object as its JSON text.
 */
export function translateFieldCondition(
  field: FieldSql,
  condition: unknown,
): SqlCondition | undefined {
  if (!isOperatorObject(condition))
    return isScalar(condition) ? equals(field, condition) : undefined;
  const parts: SqlCondition[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    const part = translateOperator(field, operator, operand);
    if (!part) return undefined;
    parts.push(part);
  }
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
  };
}

function translateOperator(
  field: FieldSql,
  operator: string,
  operand: unknown,
): SqlCondition | undefined {
  switch (operator) {
    case '$eq':
      return isScalar(operand) ? equals(field, operand) : undefined;
    case '$ne':
      return isScalar(operand) ? not(equals(field, operand)) : undefined;
    case '$in':
      return isScalarArray(operand) ? oneOf(field, operand) : undefined;
    case '$nin':
      return isScalarArray(operand) ? not(oneOf(field, operand)) : undefined;
    case '$exists':
      return { sql: `${field.type} IS ${operand ? 'NOT NULL' : 'NULL'}`, params: [] };
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return isScalar(operand) ? range(field, operator, operand) : undefined;
    default:
      return undefined;
  }
}

function equals(field: FieldSql, value: Scalar): SqlCondition {
  // Both a JSON null and a missing field read as SQL NULL: MongoDB's `{ f: null }` matches both.
  if (value === null) return { sql: `${field.value} IS NULL`, params: [] };
  return { sql: `(${field.value} = ? AND ${typeTest(field, value)})`, params: [sqlValue(value)] };
}

function range(field: FieldSql, operator: string, value: Scalar): SqlCondition {
  // MongoDB: `$gte: null` and `$lte: null` mean "is null or missing"; `$gt`/`$lt` null match nothing.
  if (value === null) return operator.endsWith('e') ? equals(field, null) : NEVER;
  const comparison = RANGE_OPERATORS[operator] ?? '=';
  const types =
    typeof value === 'boolean' ? `${field.type} IN ('true', 'false')` : typeTest(field, value);
  return { sql: `(${field.value} ${comparison} ? AND ${types})`, params: [sqlValue(value)] };
}

/** `$in`, one SQL `IN` per type, so a list of strings stays one indexable term. */
function oneOf(field: FieldSql, values: Scalar[]): SqlCondition {
  const groups = new Map<string, SqlParam[]>();
  const terms: SqlCondition[] = [];
  for (const value of values) {
    if (value === null) terms.push(equals(field, null));
    else {
      const test = typeTest(field, value);
      groups.set(test, [...(groups.get(test) ?? []), sqlValue(value)]);
    }
  }
  for (const [test, params] of groups) {
    const placeholders = params.map(() => '?').join(', ');
    terms.push({ sql: `(${field.value} IN (${placeholders}) AND ${test})`, params });
  }
  if (terms.length === 0) return NEVER;
  return {
    sql: terms.length === 1 ? terms[0]!.sql : `(${terms.map((term) => term.sql).join(' OR ')})`,
    params: terms.flatMap((term) => term.params),
  };
}

/** Negation with SQL's NULLs counted as "no match", so `$ne` and `$nin` match missing fields. */
function not(condition: SqlCondition): SqlCondition {
  return { sql: `NOT coalesce(${condition.sql}, 0)`, params: condition.params };
}

function typeTest(field: FieldSql, value: string | number | boolean): string {
  if (typeof value === 'string') return `${field.type} = 'text'`;
  if (typeof value === 'number') return `${field.type} IN ${NUMBER_TYPES}`;
  return `${field.type} = '${String(value)}'`;
}

function sqlValue(value: string | number | boolean): SqlParam {
  return typeof value === 'boolean' ? Number(value) : value;
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isScalarArray(value: unknown): value is Scalar[] {
  return Array.isArray(value) && value.every(isScalar);
}

/** `{ $gte: 1 }` is a condition; `{ a: 1 }` or `{}` is a value MongoDB compares whole. */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}
