import type { QueryValue, ReadDocument } from '../../read-store.port';
import { fieldOperators } from './field-condition';

/** One field's condition that SQL cannot answer because documents have held arrays on its path. */
export interface ArrayTerm {
  path: string;
  condition: unknown;
}

/**
 * Whether `document` meets the condition as MongoDB reads it where arrays may lie on the path:
 * the field matches when its value, or any element of an array on the way, does. Only the
 * operators of the port exist here (`$eq` stands for a plain value), so this stays small enough
 * to check by eye; `sql-matches-mingo.spec.ts` checks it against mingo.
 */
export function matchesArrayTerm(document: ReadDocument, { path, condition }: ArrayTerm): boolean {
  const values = valuesAt(document, path.split('.'));
  return Object.entries(fieldOperators(condition)).every(([operator, operand]) =>
    operator === '$exists'
      ? values.some((value) => value !== undefined) === operand
      : values.some((value) => operatorHolds(operator, operand, value)),
  );
}

// Every value the path reaches: through arrays element by element, and an array itself as well
// as its elements. Undefined stands for a missing field, which MongoDB compares as null.
function valuesAt(value: unknown, segments: readonly string[]): unknown[] {
  if (Array.isArray(value)) {
    const elements = value as unknown[];
    if (segments.length === 0) return [elements, ...elements];
    return elements.flatMap((element) =>
      element !== null && typeof element === 'object' ? valuesAt(element, segments) : [],
    );
  }
  if (segments.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [undefined];
  const [head, ...rest] = segments;
  return valuesAt((value as Record<string, unknown>)[head!], rest);
}

function operatorHolds(operator: string, operand: unknown, value: unknown): boolean {
  if (operator === '$in') return (operand as QueryValue[]).some((one) => compare(value, one) === 0);
  const order = compare(value, operand as QueryValue);
  switch (operator) {
    case '$eq':
      return order === 0;
    case '$gt':
      return order !== undefined && order > 0 && operand !== null;
    case '$gte':
      return order !== undefined && order >= 0;
    case '$lt':
      return order !== undefined && order < 0 && operand !== null;
    case '$lte':
      return order !== undefined && order <= 0;
    default:
      throw new RangeError(`Unsupported read-store operator: ${operator}`);
  }
}

// MongoDB compares values of one type only: null with null or missing, numbers with numbers,
// strings with strings (by UTF-8 bytes, as SQLite does), booleans with booleans.
function compare(value: unknown, operand: QueryValue): number | undefined {
  if (operand === null) return value === null || value === undefined ? 0 : undefined;
  if (typeof value !== typeof operand) return undefined;
  if (typeof value === 'string') {
    return Buffer.compare(Buffer.from(value), Buffer.from(operand as string));
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return Number(value) - Number(operand);
  }
  return undefined;
}
