import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { isIsoDate, isIsoDateTime } from '@chronicle/application';

// Canonical decimal forms only: no sign, no leading zeros, no exponent, no spaces.
const POSITION = /^(?:0|[1-9][0-9]{0,29})$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]*)$/;
const DECIMAL_NUMBER = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

export const MAX_FILTER_LENGTH = 200;

/** A real calendar day (`2025-03-01`) or a date-time with an offset, as command payloads take. */
export function isQueryTime(value: unknown): value is string {
  return isIsoDate(value) || isIsoDateTime(value);
}

/** A valid query time as the UTC ISO string stored times compare with; a date means midnight UTC. */
export function toUtcTime(value: string | undefined): string | undefined {
  return value === undefined ? undefined : new Date(value).toISOString();
}

/** A time parameter: a real calendar day or a date-time with an offset. */
export function QueryTime(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      // anyOf, not oneOf: a schema of each kind, not two that must exclude each other.
      anyOf: [
        { type: 'string', format: 'date' },
        { type: 'string', format: 'date-time' },
      ],
      example: '2025-03-01T09:30:00Z',
    }),
    ValidateBy({
      name: 'isQueryTime',
      validator: {
        validate: isQueryTime,
        defaultMessage: (args) =>
          `${args?.property} must be a real calendar date (YYYY-MM-DD) or a date-time with an ` +
          `offset (e.g. 2025-03-01T09:30:00Z)`,
      },
    }),
  );
}

/** A global position of the event store, a decimal string (positions may exceed 2^53). */
export function QueryPosition(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: String, pattern: POSITION.source, example: '42' }),
    Matches(POSITION, { message: '$property must be a decimal position' }),
  );
}

/** A whole number in [min, max]; only its canonical decimal spelling is read as a number. */
export function QueryInteger(
  description: string,
  range: { min: number; max: number; default?: number },
): PropertyDecorator {
  const message = `$property must be an integer from ${range.min} to ${range.max}`;
  return applyDecorators(
    ApiPropertyOptional({
      description,
      type: 'integer',
      minimum: range.min,
      maximum: range.max,
      default: range.default,
    }),
    // Number() alone would read ' 12', '0x10' and '1e2' as numbers; those stay strings and fail.
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && WHOLE_NUMBER.test(value) ? Number(value) : value,
    ),
    IsInt({ message }),
    Min(range.min, { message }),
    Max(range.max, { message }),
  );
}

/** A positive decimal number up to `max` (`7`, `0.5`); only that plain spelling is read. */
export function QueryPositiveNumber(
  description: string,
  range: { max: number; default?: number },
): PropertyDecorator {
  const rule = `must be a number greater than 0 and at most ${range.max}`;
  return applyDecorators(
    ApiPropertyOptional({
      description,
      type: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: range.max,
      default: range.default,
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DECIMAL_NUMBER.test(value) ? Number(value) : value,
    ),
    ValidateBy({
      name: 'isPositiveNumber',
      validator: {
        validate: (value) =>
          typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= range.max,
        defaultMessage: (args) => `${args?.property} ${rule}`,
      },
    }),
  );
}

/** A free-text filter (an id, a name): one value of sane length. */
export function QueryText(description: string): PropertyDecorator {
  const message = `$property must be one value of at most ${MAX_FILTER_LENGTH} characters`;
  return applyDecorators(
    ApiPropertyOptional({ description, type: String, maxLength: MAX_FILTER_LENGTH }),
    IsString({ message }),
    MaxLength(MAX_FILTER_LENGTH, { message }),
  );
}

/** One of a fixed list of values. */
export function QueryChoice(
  description: string,
  choices: readonly string[],
  enumName: string,
): PropertyDecorator {
  return applyDecorators(
    // Without an enumName, @nestjs/swagger drops the values from a query parameter's schema.
    ApiPropertyOptional({ description, enum: [...choices], enumName }),
    IsIn([...choices], { message: `$property must be one of ${choices.join(', ')}` }),
  );
}
