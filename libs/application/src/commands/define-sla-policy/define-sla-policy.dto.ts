import type { DefineSlaPolicy } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IsNotLessThanField } from '../shared/cross-field-constraints';
import { TICKET_PRIORITIES } from '../shared/enums';
import { EnumField, NumberField } from '../shared/field-decorators';
import { MAX_SLA_SECONDS } from '../shared/limits';

// A zero target would breach at the moment of opening, so targets start at one second.
export class DefineSlaPolicyDto extends CommandPayloadDto implements DefineSlaPolicy {
  @EnumField(TICKET_PRIORITIES, { example: 'high' })
  priority!: DefineSlaPolicy['priority'];

  @NumberField({ integer: true, min: 1, max: MAX_SLA_SECONDS }, { example: 14_400 })
  firstResponseSeconds!: number;

  // A ticket cannot be resolved before it could be answered; listed above the field so it is
  // checked after the number's own checks.
  @IsNotLessThanField('firstResponseSeconds')
  @NumberField({ integer: true, min: 1, max: MAX_SLA_SECONDS }, { example: 86_400 })
  resolutionSeconds!: number;
}
