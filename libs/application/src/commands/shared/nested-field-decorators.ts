import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { composeField, type FieldDoc } from './field-decorators';

type DtoClass = new () => object;

// Swagger tells a lazy type from a class by the function's name being `type`, which only an arrow
// function written inline as the `type` property gets.
const lazySchema = (dto: () => DtoClass) => ({ type: () => dto() });

/** One nested object. IsObject comes first: ValidateNested alone would accept an array of them. */
export function NestedField(dto: () => DtoClass, doc: FieldDoc): PropertyDecorator {
  return composeField(doc, lazySchema(dto), IsObject(), ValidateNested(), Type(dto));
}

export interface ArraySize {
  minItems: number;
  maxItems: number;
}

/**
 * A bounded array of nested objects. `IsObject({ each })` refuses arrays of arrays, which
 * ValidateNested would otherwise walk into and accept.
 */
export function NestedArrayField(
  dto: () => DtoClass,
  size: ArraySize,
  doc: FieldDoc,
): PropertyDecorator {
  const { minItems, maxItems } = size;
  return composeField(
    doc,
    { ...lazySchema(dto), isArray: true, minItems, maxItems },
    IsArray(),
    ...(minItems > 0 ? [ArrayMinSize(minItems)] : []),
    ArrayMaxSize(maxItems),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(dto),
  );
}
