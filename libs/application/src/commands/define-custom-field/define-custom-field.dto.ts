import type { DefineCustomField } from '@chronicle/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { PresentOnlyWhen } from '../shared/cross-field-constraints';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from '../shared/enums';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CustomFieldNameField, EnumField, applyInOrder } from '../shared/field-decorators';
import { LABEL_MAX_LENGTH, MAX_ENUM_OPTIONS } from '../shared/limits';
import { NOT_BLANK_PATTERN } from '../shared/patterns';

export class DefineCustomFieldDto extends CommandPayloadDto implements DefineCustomField {
  @EnumField(CUSTOM_FIELD_ENTITIES, { example: 'contact' })
  entity!: DefineCustomField['entity'];

  @CustomFieldNameField({ example: 'loyaltyTier' })
  field!: string;

  @EnumField(CUSTOM_FIELD_TYPES, { example: 'enum' })
  type!: DefineCustomField['type'];

  // An enum without options could hold no value, and options on any other type would be ignored.
  @applyInOrder(
    ApiPropertyOptional({
      type: [String],
      minItems: 1,
      maxItems: MAX_ENUM_OPTIONS,
      uniqueItems: true,
      example: ['bronze', 'silver', 'gold'],
      description: 'The allowed values; required when type is enum, refused otherwise.',
    }),
    // Checked when sent or when needed, unlike other optional fields.
    ValidateIf((dto: DefineCustomFieldDto, value) => value !== undefined || dto.type === 'enum'),
    PresentOnlyWhen('type', 'enum'),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_ENUM_OPTIONS),
    IsString({ each: true }),
    Matches(NOT_BLANK_PATTERN, {
      each: true,
      message: 'each value in $property must not be blank',
    }),
    MaxLength(LABEL_MAX_LENGTH, { each: true }),
    ArrayUnique(),
  )
  options?: string[];
}
