import type { FieldSql, SqlCondition, SqlParam } from './sql-text';

type Scalar = string | number | boolean | null;

const NEVER: SqlCondition = { sql: '0', params: [] };
const RANGE_OPERATORS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Translates the condition on one field (`value` or `{ $op: operand, … }`) to SQL that answers as
 * MongoDB does for scalar values (strings, numbers, booleans, null). The caller guarantees that
 * no document holds an array on the field's path. Every comparison is type-bracketed like
 * MongoDB's by testing the field's type rank, which `json_extract` alone cannot do: it reads
 * `true` as 1 and an object as its JSON text.
 */
export function translateFieldCondition(field: FieldSql, condition: unknown): SqlCondition {
  const parts = Object.entries(fieldOperators(condition)).map(([operator, operand]) =>
    translateOperator(field, operator, operand),
  );
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * The condition as operators, a plain value read as equality (`$eq`, which callers may not
 * write themselves). Refuses what the port does not allow, for callers that bypass its type.
 */
export function fieldOperators(condition: unknown): Record<string, unknown> {
  if (isScalar(condition)) return { $eq: condition };
  if (!isOperatorObject(condition)) throw unsupported(condition);
  return condition;
}

function translateOperator(field: FieldSql, operator: string, operand: unknown): SqlCondition {
  if (operator === '$eq' && isScalar(operand)) return equals(field, operand);
  if (operator === '$in' && isScalarArray(operand)) return oneOf(field, operand);
  if (operator === '$exists' && typeof operand === 'boolean') {
    return { sql: `${field.type} IS ${operand ? 'NOT NULL' : 'NULL'}`, params: [] };
  }
  if (operator in RANGE_OPERATORS && isScalar(operand)) return range(field, operator, operand);
  throw unsupported({ [operator]: operand });
}

function unsupported(condition: unknown): RangeError {
  return new RangeError(`Unsupported read-store condition: ${JSON.stringify(condition)}`);
}

function equals(field: FieldSql, value: Scalar): SqlCondition {
  // Rank 0 is a JSON null or a missing field: MongoDB's `{ f: null }` matches both.
  if (value === null) return { sql: `${field.rank} = 0`, params: [] };
  return { sql: `(${typeTest(field, value)} AND ${field.value} = ?)`, params: [sqlValue(value)] };
}

function range(field: FieldSql, operator: string, value: Scalar): SqlCondition {
  // MongoDB: `$gte: null` and `$lte: null` mean "is null or missing"; `$gt`/`$lt` null match nothing.
  if (value === null) return operator.endsWith('e') ? equals(field, null) : NEVER;
  const comparison = RANGE_OPERATORS[operator] ?? '=';
  return {
    sql: `(${typeTest(field, value)} AND ${field.value} ${comparison} ?)`,
    params: [sqlValue(value)],
  };
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
    terms.push({ sql: `(${test} AND ${field.value} IN (${placeholders}))`, params });
  }
  if (terms.length === 0) return NEVER;
  return {
    sql: terms.length === 1 ? terms[0]!.sql : `(${terms.map((term) => term.sql).join(' OR ')})`,
    params: terms.flatMap((term) => term.params),
  };
}

// Booleans share rank 5 and read as 1 and 0, so `$gt: false` finds `true` and no number.
function typeTest(field: FieldSql, value: string | number | boolean): string {
  return `${field.rank} = ${rankOf(value)}`;
}

function rankOf(value: Scalar): number {
  if (value === null) return 0;
  return typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 5;
}

/**
 * The one type rank every document matching `condition` has on the field, when the condition
 * says so (`'x'`, `{ $gte: 'a' }`, `{ $in: [1, 2] }`). A sort on that field then need not order
 * by rank, which lets SQLite read the order straight off an index.
 */
export function pinnedRank(condition: unknown): number | undefined {
  for (const [operator, operand] of Object.entries(fieldOperators(condition))) {
    if (operator === '$in' && isScalarArray(operand)) {
      const ranks = new Set(operand.map(rankOf));
      if (ranks.size === 1) return [...ranks][0];
    }
    if (operator in RANGE_OPERATORS && operand === null) return undefined;
    if ((operator === '$eq' || operator in RANGE_OPERATORS) && isScalar(operand)) {
      return rankOf(operand);
    }
  }
  return undefined;
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

// `{ $gte: 1 }` is a condition; `{ a: 1 }` or `{}` would be an object compared whole, which no
// caller asks.
function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // A Date or RegExp is no condition; an object without a prototype can be one.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}
