/**
 * A validated DTO instance as a fresh plain object: no class prototypes, and no `undefined`
 * members (class fields declared but not sent), so it serialises and compares like the body did.
 */
export function toPlainPayload(instance: object): Record<string, unknown> {
  return toPlainObject(instance);
}

function toPlainObject(source: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    // defineProperty, not assignment: a key named __proto__ must stay data, never a prototype.
    if (value !== undefined) {
      Object.defineProperty(copy, key, {
        value: toPlainValue(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy;
}

function toPlainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === 'object' && value !== null) return toPlainObject(value);
  return value;
}
