import { type ValidationProblem, joinPath } from './validation-problem';

// The deepest legitimate payload path has three levels (`items.0.sku`); anything much deeper is
// an attack on the recursion below, or on class-transformer's.
const MAX_DEPTH = 8;

// Keys that reach Object.prototype's members. `__proto__` would swap an object's prototype when
// class-transformer assigns it, and class-transformer silently skips keys naming inherited
// functions (`constructor`, `toString`, …), which would slip past the unknown-field check.
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

const DROPPED = Symbol('dropped');

// JSON may escape a lone UTF-16 surrogate ("\ud800"); no text holds one, it cannot be encoded as
// UTF-8, and validator.js's isEmail throws on it instead of answering false.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface CopiedBody {
  copy: Record<string, unknown>;
  problems: ValidationProblem[];
}

/**
 * An object literal or JSON.parse result: no class instance, Date or Map. Compared by shape rather
 * than with `=== Object.prototype`, so objects from another realm (vm, worker) qualify too.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * A fresh copy of a parsed JSON body holding only JSON values, without reserved keys, with a
 * problem for each thing left out. Nothing of the caller's object is shared with the copy.
 */
export function copyJsonBody(body: Record<string, unknown>): CopiedBody {
  const problems: ValidationProblem[] = [];
  const copy = copyObject(body, '', 0, problems);
  return { copy, problems };
}

function copyObject(
  source: Record<string, unknown>,
  path: string,
  depth: number,
  problems: ValidationProblem[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const keyPath = joinPath(path, key);
    if (RESERVED_KEYS.has(key)) {
      problems.push({ field: keyPath, problems: [`property ${key} is a reserved name`] });
      continue;
    }
    const value = copyValue(source[key], keyPath, depth + 1, problems);
    // Reserved keys are gone, so plain assignment cannot reach a prototype.
    if (value !== DROPPED) copy[key] = value;
  }
  return copy;
}

function copyValue(
  value: unknown,
  path: string,
  depth: number,
  problems: ValidationProblem[],
): unknown {
  // JSON has no undefined: a JavaScript caller sending it means "absent".
  if (value === undefined) return DROPPED;
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    problems.push({ field: path, problems: [`${path} must be well-formed Unicode text`] });
    return DROPPED;
  }
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (!Array.isArray(value) && !isPlainObject(value)) {
    problems.push({ field: path, problems: [`${path} must be a JSON value`] });
    return DROPPED;
  }
  if (depth > MAX_DEPTH) {
    problems.push({
      field: path,
      problems: [`${path} is nested more than ${MAX_DEPTH} levels deep`],
    });
    return DROPPED;
  }
  if (Array.isArray(value)) {
    // Elements left out become null so the indexes of the others, and their problems, stay put.
    return Array.from(value, (element: unknown, index) => {
      const copied = copyValue(element, joinPath(path, String(index)), depth + 1, problems);
      return copied === DROPPED ? null : copied;
    });
  }
  return copyObject(value, path, depth, problems);
}
