import {
  ValidateBy,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/**
 * The field name under which rules about the payload as a whole are reported (e.g. "at least one
 * of firstName, lastName, email or phone"): no single field is wrong, so none is named. `_` is the
 * usual spelling of "not a field"; a payload that sends `_` itself is told it should not exist.
 */
export const WHOLE_PAYLOAD_FIELD = '_';

function fieldOf(args: ValidationArguments, field: string): unknown {
  return (args.object as Record<string, unknown>)[field];
}

/** Class decorator: at least one of `fields` is present. Reported on {@link WHOLE_PAYLOAD_FIELD}. */
export function AtLeastOneOf(fields: readonly string[], message?: string): ClassDecorator {
  const listed =
    fields.length > 1 ? `${fields.slice(0, -1).join(', ')} or ${fields.at(-1)}` : fields.join('');
  return (target) => {
    registerDecorator({
      name: 'atLeastOneOf',
      target,
      propertyName: WHOLE_PAYLOAD_FIELD,
      constraints: [fields],
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined && fields.some((field) => fieldOf(args, field) !== undefined),
        defaultMessage: (args: ValidationArguments) =>
          args.value !== undefined
            ? `property ${WHOLE_PAYLOAD_FIELD} should not exist`
            : (message ?? `at least one of ${listed} is required`),
      },
    });
  };
}

/** Required when `field` equals `expected`, refused otherwise (e.g. options only for enums). */
export function PresentOnlyWhen(
  field: string,
  expected: unknown,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'presentOnlyWhen',
      constraints: [field, expected],
      validator: {
        validate: (value: unknown, args) =>
          (fieldOf(args!, field) === expected) === (value !== undefined),
        defaultMessage: (args) =>
          args?.value === undefined
            ? `${args?.property} is required when ${field} is ${String(expected)}`
            : `${args?.property} is allowed only when ${field} is ${String(expected)}`,
      },
    },
    options,
  );
}

/**
 * Orders two date-times. Passes when the other field is absent or invalid: that field's own
 * validators report it.
 */
export function IsLaterThanField(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLaterThanField',
      constraints: [field],
      validator: {
        validate: (value: unknown, args) => {
          const other = fieldOf(args!, field);
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [later, earlier] = [Date.parse(value), Date.parse(other)];
          return Number.isNaN(later) || Number.isNaN(earlier) || later > earlier;
        },
        defaultMessage: (args) => `${args?.property} must be later than ${field}`,
      },
    },
    options,
  );
}

export function IsNotLessThanField(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotLessThanField',
      constraints: [field],
      validator: {
        validate: (value: unknown, args) => {
          const other = fieldOf(args!, field);
          return typeof value !== 'number' || typeof other !== 'number' || value >= other;
        },
        defaultMessage: (args) => `${args?.property} must not be less than ${field}`,
      },
    },
    options,
  );
}

export function IsNotEqualToField(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotEqualToField',
      constraints: [field],
      validator: {
        validate: (value: unknown, args) => value !== fieldOf(args!, field),
        defaultMessage: (args) => `${args?.property} must differ from ${field}`,
      },
    },
    options,
  );
}
