import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { isChronicleEventType } from '@chronicle/domain';
import { MAX_URL_LENGTH } from '@chronicle/webhooks';
import { QueryChoice, QueryInteger } from '../query/query-fields';

const ALL = '*';

/** `["*"]` alone, or known event types, each once. */
function EventTypeList(): PropertyDecorator {
  return ValidateBy({
    name: 'isEventTypeList',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        (value.length === 1 && value[0] === ALL
          ? true
          : value.every((type) => typeof type === 'string' && isChronicleEventType(type)) &&
            new Set(value).size === value.length),
      defaultMessage: (args) =>
        `${args?.property} must be ["*"] or event types Chronicle writes, each once`,
    },
  });
}

/** `POST /admin/webhooks`. */
export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/chronicle', maxLength: MAX_URL_LENGTH })
  @IsString()
  // Longer ones are refused by the URL check, with the reason.
  @MaxLength(MAX_URL_LENGTH * 4)
  url!: string;

  @ApiProperty({ example: ['TicketOpened', 'TicketClosed'], type: [String] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @EventTypeList()
  eventTypes!: string[];

  @ApiPropertyOptional({
    description: 'Signing secret (16–200 characters); absent → 32 random bytes are generated',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** `PATCH /admin/webhooks/{id}`. */
export class UpdateWebhookDto {
  @ApiPropertyOptional({ enum: ['active', 'paused'] })
  @IsOptional()
  @IsIn(['active', 'paused'])
  state?: 'active' | 'paused';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL_LENGTH * 4)
  url?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @EventTypeList()
  eventTypes?: string[];
}

/** `GET /admin/webhooks/{id}/deliveries`. */
export class DeliveriesQuery {
  @QueryChoice('Only failed (retrying) or dead deliveries', ['failed', 'dead'], 'DeliveryStatus')
  status?: 'failed' | 'dead';

  @QueryInteger('Most deliveries listed', { min: 1, max: 1000, default: 100 })
  limit?: number;
}
