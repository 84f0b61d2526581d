import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { RESERVED_DEAL_STAGES } from './enums';
import {
  CUSTOM_FIELD_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  ID_MAX_LENGTH,
  LABEL_MAX_LENGTH,
  MAX_AMOUNT,
  PHONE_MAX_LENGTH,
  URL_MAX_LENGTH,
} from './limits';
import {
  CURRENCY_PATTERN,
  CUSTOM_FIELD_NAME_PATTERN,
  ID_PATTERN,
  NOT_BLANK_PATTERN,
  PHONE_PATTERN,
} from './patterns';
import {
  IsCustomFieldMap,
  IsIsoDate,
  IsIsoDateTime,
  IsNotReservedDealStage,
  IsPresent,
} from './value-constraints';

// One decorator per kind of field, each carrying both its validation and its OpenAPI schema, so
// the documentation cannot drift from what is enforced.

export interface FieldDoc {
  /** Shown in OpenAPI; keep it consistent with command-examples.ts. */
  example: unknown;
  description?: string;
  /** Fields are required unless this says otherwise. */
  optional?: boolean;
}

/**
 * Applies the decorators in the order given, which is the order class-validator checks them in:
 * with `stopAtFirstError`, a wrong type is reported alone rather than with range complaints.
 */
export function composeField(
  doc: FieldDoc,
  schema: ApiPropertyOptions,
  ...validators: PropertyDecorator[]
): PropertyDecorator {
  const { optional = false, example, description } = doc;
  const documented = { ...schema, example, description } as ApiPropertyOptions;
  return applyInOrder(
    optional ? ApiPropertyOptional(documented) : ApiProperty(documented),
    // Optional means "may be left out", not "may be null": null goes on to fail the type check.
    optional ? ValidateIf((_object, value) => value !== undefined) : IsPresent(),
    ...validators,
  );
}

/**
 * Stacked decorators apply bottom-up; this applies them top-down, so a field's checks read in the
 * order they run.
 */
export function applyInOrder(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorate of decorators) decorate(target, propertyKey);
  };
}

export function IdField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    { type: String, pattern: ID_PATTERN.source, minLength: 1, maxLength: ID_MAX_LENGTH },
    IsString(),
    MaxLength(ID_MAX_LENGTH),
    Matches(ID_PATTERN, {
      message: `$property must be 1–${ID_MAX_LENGTH} characters of A-Z a-z 0-9 _ . : -`,
    }),
  );
}

/** Free text: a string with something other than white space, at most `maxLength` long. */
export function TextField(maxLength: number, doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    { type: String, minLength: 1, maxLength },
    IsString(),
    Matches(NOT_BLANK_PATTERN, { message: '$property must not be blank' }),
    MaxLength(maxLength),
  );
}

export function EnumField(values: readonly string[], doc: FieldDoc): PropertyDecorator {
  return composeField(doc, { type: String, enum: [...values] }, IsIn([...values]));
}

export interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Finite numbers only; `integer` also refuses fractions. */
export function NumberField(range: NumberRange, doc: FieldDoc): PropertyDecorator {
  const { min, max, integer = false } = range;
  return composeField(
    doc,
    { type: integer ? 'integer' : 'number', minimum: min, maximum: max },
    integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
    ...(min === undefined ? [] : [Min(min)]),
    ...(max === undefined ? [] : [Max(max)]),
  );
}

export function AmountField(doc: FieldDoc): PropertyDecorator {
  return NumberField({ min: 0, max: MAX_AMOUNT }, doc);
}

export function BooleanField(doc: FieldDoc): PropertyDecorator {
  return composeField(doc, { type: Boolean }, IsBoolean());
}

export function EmailField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    { type: String, format: 'email', maxLength: EMAIL_MAX_LENGTH },
    IsString(),
    MaxLength(EMAIL_MAX_LENGTH),
    IsEmail(),
  );
}

export function PhoneField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    { type: String, maxLength: PHONE_MAX_LENGTH },
    IsString(),
    MaxLength(PHONE_MAX_LENGTH),
    Matches(PHONE_PATTERN, {
      message: '$property must be a phone number: digits, optionally +, spaces, ( ) . - /',
    }),
  );
}

export function UrlField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    { type: String, format: 'uri', maxLength: URL_MAX_LENGTH },
    IsString(),
    MaxLength(URL_MAX_LENGTH),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true },
      { message: '$property must be an http(s) URL' },
    ),
  );
}

/** A calendar day, `YYYY-MM-DD`. */
export function DateField(doc: FieldDoc): PropertyDecorator {
  return composeField(doc, { type: String, format: 'date' }, IsIsoDate());
}

/** An instant, ISO-8601 with an offset. */
export function DateTimeField(doc: FieldDoc): PropertyDecorator {
  return composeField(doc, { type: String, format: 'date-time' }, IsIsoDateTime());
}

export function CurrencyField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    { type: String, pattern: CURRENCY_PATTERN.source },
    IsString(),
    Matches(CURRENCY_PATTERN, { message: '$property must be a 3-letter uppercase ISO 4217 code' }),
  );
}

/** A pipeline's own stage name; `won`/`lost` are reserved. */
export function DealStageField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    {
      type: String,
      minLength: 1,
      maxLength: LABEL_MAX_LENGTH,
      not: { enum: [...RESERVED_DEAL_STAGES] },
    },
    IsString(),
    Matches(NOT_BLANK_PATTERN, { message: '$property must not be blank' }),
    MaxLength(LABEL_MAX_LENGTH),
    IsNotReservedDealStage(),
  );
}

/** The name of a custom field: identifier-shaped, as it becomes a key in read models. */
export function CustomFieldNameField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    {
      type: String,
      pattern: CUSTOM_FIELD_NAME_PATTERN.source,
      maxLength: CUSTOM_FIELD_NAME_MAX_LENGTH,
    },
    IsString(),
    MaxLength(CUSTOM_FIELD_NAME_MAX_LENGTH),
    Matches(CUSTOM_FIELD_NAME_PATTERN, {
      message: '$property must start with a letter and hold only letters, digits and _',
    }),
  );
}

/** `customFields`: custom field name → string, number or boolean; no nesting. */
export function CustomFieldMapField(doc: FieldDoc): PropertyDecorator {
  return composeField(
    doc,
    {
      type: 'object',
      additionalProperties: {
        oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
      },
    },
    IsCustomFieldMap(),
  );
}
