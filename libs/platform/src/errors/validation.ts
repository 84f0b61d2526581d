import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { type FieldProblem, validationFailed } from './chronicle-error';

/** class-validator's nested errors as flat `{ field, problems[] }` entries with dotted paths. */
export function toFieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const nested = toFieldProblems(error.children ?? [], field);
    return own.length > 0 ? [{ field, problems: own }, ...nested] : nested;
  });
}

/**
 * The global ValidationPipe: unknown fields are refused, payloads become their DTO class, and
 * failures answer 400 VALIDATION_FAILED with `details` per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(toFieldProblems(errors)),
  });
}
