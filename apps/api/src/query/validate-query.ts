import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidatorOptions } from 'class-validator';
import { type FieldProblem, toFieldProblems, validationFailed } from '@chronicle/platform';
import { repeatableParameters } from './query-rules';

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // Every parameter is optional unless it says @Required() (IsDefined runs even so).
  skipMissingProperties: true,
  // One message per parameter: "limit must be an integer from 1 to 1000", said once.
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

const namesByDto = new WeakMap<object, ReadonlySet<string>>();

/** The parameters a query DTO declares: every property with a validation decorator. */
export function queryParameterNames(dto: Type<object>): ReadonlySet<string> {
  let names = namesByDto.get(dto);
  if (!names) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    names = new Set(metadata.map(({ propertyName }) => propertyName));
    namesByDto.set(dto, names);
  }
  return names;
}

/** The 400 for parameters a route does not take; used for routes that take none as well. */
export function unknownParameterProblem(name: string): FieldProblem {
  return { field: name, problems: [`${name} is not a query parameter of this route`] };
}

export function invalidQuery(problems: FieldProblem[]): Error {
  const names = [...new Set(problems.map(({ field }) => field))];
  const noun = names.length === 1 ? 'parameter' : 'parameters';
  return validationFailed(problems, `Invalid query ${noun}: ${names.join(', ')}`);
}

/**
 * Reads a request's query (as Express parsed it) into an instance of `dto`. Unknown names,
 * repeated parameters the DTO does not mark `@Repeatable()`, nested values and values its
 * decorators refuse are each a problem naming the parameter; any problem throws one 400
 * VALIDATION_FAILED listing them all. An empty value (`?from=`) counts as absent.
 */
export function validateQuery<T extends object>(dto: Type<T>, query: unknown): T {
  const known = queryParameterNames(dto);
  const repeatable = repeatableParameters(dto);
  const problems: FieldProblem[] = [];
  const given: Record<string, string | string[]> = {};
  const entries = typeof query === 'object' && query !== null ? Object.entries(query) : [];
  for (const [name, value] of entries) {
    if (!known.has(name)) {
      problems.push(unknownParameterProblem(name));
      continue;
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (!values.every((item): item is string => typeof item === 'string')) {
      problems.push({ field: name, problems: [`${name} must be a plain value, not an object`] });
    } else if (values.length > 1 && !repeatable.has(name)) {
      problems.push({ field: name, problems: [`${name} must be given once`] });
    } else {
      const present = values.filter((item) => item !== '');
      if (present.length > 0) given[name] = repeatable.has(name) ? present : present[0]!;
    }
  }
  const instance = plainToInstance(dto, given);
  const refused = new Set(problems.map(({ field }) => field));
  const errors = validateSync(instance, VALIDATOR_OPTIONS).filter(
    // A parameter already refused for its shape has no value here to be judged again.
    ({ property }) => !refused.has(property),
  );
  problems.push(...toFieldProblems(errors));
  if (problems.length > 0) throw invalidQuery(problems);
  return instance;
}
