import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { RESERVED_DEAL_STAGES } from './enums';
import { isIsoDate, isIsoDateTime } from './iso-dates';
import {
  CUSTOM_FIELD_NAME_MAX_LENGTH,
  CUSTOM_FIELD_STRING_MAX_LENGTH,
  MAX_CUSTOM_FIELDS,
} from './limits';
import { CUSTOM_FIELD_NAME_PATTERN } from './patterns';

/** A custom field's value: a scalar, never nested, so every read model can store it as is. */
export type CustomFieldValue = string | number | boolean;

/**
 * Required fields: unlike IsDefined, says which of "missing" and "null" it was. Null is never a
 * stand-in for "absent" in a command (JSON callers can simply leave the field out).
 */
export function IsPresent(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPresent',
      validator: {
        validate: (value: unknown) => value !== undefined && value !== null,
        defaultMessage: (args) =>
          args?.value === null
            ? `${args.property} must not be null`
            : `${args?.property} is required`,
      },
    },
    options,
  );
}

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO-8601 date (YYYY-MM-DD)`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDateTime',
      validator: {
        validate: (value: unknown) => isIsoDateTime(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an ISO-8601 date-time with an offset (e.g. 2025-03-01T09:30:00Z)`,
          options,
        ),
      },
    },
    options,
  );
}

export function isCustomFieldValue(value: unknown): value is CustomFieldValue {
  if (typeof value === 'string') return value.length <= CUSTOM_FIELD_STRING_MAX_LENGTH;
  return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

export function IsCustomFieldValue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCustomFieldValue',
      validator: {
        validate: isCustomFieldValue,
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a string (at most ${CUSTOM_FIELD_STRING_MAX_LENGTH} characters), a finite number or a boolean`,
          options,
        ),
      },
    },
    options,
  );
}

export function isCustomFieldName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= CUSTOM_FIELD_NAME_MAX_LENGTH &&
    CUSTOM_FIELD_NAME_PATTERN.test(value)
  );
}

/** `customFields`: a flat object of custom field name → scalar value. */
export function IsCustomFieldMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCustomFieldMap',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_CUSTOM_FIELDS &&
            entries.every(
              ([name, fieldValue]) => isCustomFieldName(name) && isCustomFieldValue(fieldValue),
            )
          );
        },
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an object of at most ${MAX_CUSTOM_FIELDS} custom fields, ` +
            `each named like an identifier (at most ${CUSTOM_FIELD_NAME_MAX_LENGTH} characters) ` +
            `with a string, finite number or boolean value`,
          options,
        ),
      },
    },
    options,
  );
}

/** Deal stages are a pipeline's own names; `won` and `lost` are reached only by WinDeal/LoseDeal. */
export function IsNotReservedDealStage(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotReservedDealStage',
      validator: {
        // Case and spaces are ignored so "Won " cannot pass for an open stage in a report.
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          !(RESERVED_DEAL_STAGES as readonly string[]).includes(value.trim().toLowerCase()),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must not be ${RESERVED_DEAL_STAGES.join(' or ')} (use WinDeal or LoseDeal)`,
          options,
        ),
      },
    },
    options,
  );
}
