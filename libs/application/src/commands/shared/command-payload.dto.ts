import { DateTimeField } from './field-decorators';

/** What every command payload may carry (docs/api.md). */
export abstract class CommandPayloadDto {
  @DateTimeField({
    optional: true,
    example: '2025-03-01T09:30:00Z',
    description:
      'When the fact happened in the business (imports, backfills); absent → now. ' +
      'At most 5 minutes in the future.',
  })
  occurredAt?: string;
}
