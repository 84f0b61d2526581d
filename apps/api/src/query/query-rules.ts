import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, ValidateBy, type ValidationArguments } from 'class-validator';
import { isQueryTime } from './query-fields';

function otherValue(args: ValidationArguments | undefined, other: string): unknown {
  return (args?.object as Record<string, unknown> | undefined)?.[other];
}

/** A parameter the route cannot answer without; put it above the field's own decorator. */
export function Required(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: true }),
    IsDefined({ message: '$property is required' }),
  );
}

/** This time must not be before the time in parameter `other` (checked when both are valid). */
export function NotEarlierThan(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'notEarlierThan',
    validator: {
      validate: (value: unknown, args) => {
        const earlier = otherValue(args, other);
        if (!isQueryTime(value) || !isQueryTime(earlier)) return true;
        return Date.parse(value) >= Date.parse(earlier);
      },
      defaultMessage: (args) => `${args?.property} must not be earlier than ${other}`,
    },
  });
}

/** This parameter and `other` exclude each other. */
export function NotTogetherWith(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'notTogetherWith',
    validator: {
      validate: (_value: unknown, args) => otherValue(args, other) === undefined,
      defaultMessage: (args) => `give either ${other} or ${args?.property}, not both`,
    },
  });
}

const REPEATABLE = Symbol('chronicle:repeatable-query-parameters');

/**
 * Lets a parameter be given more than once (`?type=A&type=B`); it then always arrives as an
 * array, so validate its items with `each: true`. Every other parameter given twice is a 400.
 */
export function Repeatable(): PropertyDecorator {
  return (target, property) => {
    const names = repeatableParameters(target.constructor);
    Reflect.defineMetadata(REPEATABLE, new Set([...names, String(property)]), target.constructor);
  };
}

export function repeatableParameters(dto: object): ReadonlySet<string> {
  return (Reflect.getMetadata(REPEATABLE, dto) as Set<string> | undefined) ?? new Set();
}
