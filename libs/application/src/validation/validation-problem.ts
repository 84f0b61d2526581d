import type { ValidationError } from 'class-validator';

/** One field's problems, as listed in a 400 VALIDATION_FAILED answer's `details`. */
export interface ValidationProblem {
  /** Dotted path into the payload, e.g. `items.0.quantity`; `_` for the payload as a whole. */
  field: string;
  problems: string[];
}

export const WHOLE_PAYLOAD = '_';

/** class-validator's error tree as a flat list, children named by their path. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parentPath = '',
): ValidationProblem[] {
  return errors.flatMap((error) => {
    // An error without a property is about the object itself (e.g. forbidUnknownValues).
    const field = error.property
      ? joinPath(parentPath, error.property)
      : parentPath || WHOLE_PAYLOAD;
    const own = Object.values(error.constraints ?? {});
    return [
      ...(own.length > 0 ? [{ field, problems: own }] : []),
      ...flattenValidationErrors(error.children ?? [], field),
    ];
  });
}

export function joinPath(parentPath: string, key: string): string {
  return parentPath ? `${parentPath}.${key}` : key;
}

/** One entry per field, in the order fields first appear. */
export function mergeProblems(problems: readonly ValidationProblem[]): ValidationProblem[] {
  const byField = new Map<string, string[]>();
  for (const { field, problems: messages } of problems) {
    byField.set(field, [...(byField.get(field) ?? []), ...messages]);
  }
  return [...byField].map(([field, messages]) => ({ field, problems: messages }));
}
