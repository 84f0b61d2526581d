import { plainToInstance } from 'class-transformer';
import { type ValidatorOptions, validateSync } from 'class-validator';
import { isCommandType } from '@chronicle/domain';
import { commandCatalog } from '../commands/command-catalog';
import { copyJsonBody, isPlainObject } from './copy-json-body';
import { toPlainPayload } from './plain-payload';
import {
  type ValidationProblem,
  WHOLE_PAYLOAD,
  flattenValidationErrors,
  mergeProblems,
} from './validation-problem';

export type CommandValidationResult =
  { ok: true; payload: Record<string, unknown> } | { ok: false; problems: ValidationProblem[] };

/** docs/api.md: an occurredAt more than this far ahead of the server's clock is refused. */
export const MAX_OCCURRED_AT_LEAD_MS = 5 * 60_000;

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // One message per field: "amount must be a number" without "must not be less than 0" too.
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

/**
 * Checks a command payload against its DTO: types (never coerced), unknown fields (at any depth),
 * ranges, cross-field rules and occurredAt against `now`. On success returns a fresh plain payload
 * holding only the DTO's fields. The caller answers unknown command types (404) before calling;
 * if it does not, the result says so on field `_`.
 */
export function validateCommand(type: string, body: unknown, now: Date): CommandValidationResult {
  const dto: (new () => object) | undefined = isCommandType(type)
    ? commandCatalog[type].dto
    : undefined;
  if (dto === undefined) return refuse(`unknown command type ${JSON.stringify(type)}`);
  if (!isPlainObject(body)) return refuse('the payload must be a JSON object');

  const { copy, problems } = copyJsonBody(body);
  // Without enableImplicitConversion "12" stays a string and fails IsNumber, as it should.
  const instance = plainToInstance(dto, copy, { enableImplicitConversion: false });
  const errors = validateSync(instance, VALIDATOR_OPTIONS);
  problems.push(...flattenValidationErrors(errors));
  if (!problems.some(({ field }) => field === 'occurredAt')) {
    problems.push(...occurredAtProblems(instance, now));
  }

  if (problems.length > 0) return { ok: false, problems: mergeProblems(problems) };
  return { ok: true, payload: toPlainPayload(instance) };
}

function refuse(problem: string): CommandValidationResult {
  return { ok: false, problems: [{ field: WHOLE_PAYLOAD, problems: [problem] }] };
}

// Runs after the DTO has checked occurredAt's shape, so the date parses.
function occurredAtProblems(instance: object, now: Date): ValidationProblem[] {
  const { occurredAt } = instance as { occurredAt?: unknown };
  if (typeof occurredAt !== 'string') return [];
  const leadMs = Date.parse(occurredAt) - now.getTime();
  if (!(leadMs > MAX_OCCURRED_AT_LEAD_MS)) return [];
  return [
    { field: 'occurredAt', problems: ['occurredAt must not be more than 5 minutes in the future'] },
  ];
}
