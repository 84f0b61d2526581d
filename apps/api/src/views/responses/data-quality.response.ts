import { ApiProperty } from '@nestjs/swagger';
import type { DataQualityView } from '@chronicle/projections';

export class MissingFieldsAnswer {
  @ApiProperty()
  name!: number;

  @ApiProperty()
  email!: number;

  @ApiProperty()
  phone!: number;

  @ApiProperty()
  owner!: number;
}

export class DuplicateSuspicionsAnswer {
  @ApiProperty()
  open!: number;

  @ApiProperty()
  contacts!: number;
}

/** `GET /views/data-quality`. */
export class DataQualityAnswer implements DataQualityView {
  @ApiProperty({ description: 'Live contacts' })
  contacts!: number;

  @ApiProperty({ type: MissingFieldsAnswer, description: 'Live contacts without each field' })
  missing!: MissingFieldsAnswer;

  @ApiProperty({ type: DuplicateSuspicionsAnswer })
  duplicatesSuspected!: DuplicateSuspicionsAnswer;

  @ApiProperty({ description: 'Live contacts without activity for staleDays' })
  stale!: number;

  @ApiProperty()
  erased!: number;

  @ApiProperty()
  merged!: number;

  @ApiProperty({ example: '42' })
  position!: string;
}
