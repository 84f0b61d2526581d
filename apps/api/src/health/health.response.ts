import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EventStoreHealthAnswer {
  @ApiProperty({ enum: ['embedded', 'eventstoredb'] })
  adapter!: 'embedded' | 'eventstoredb';

  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';
}

export class ReadStoreHealthAnswer {
  @ApiProperty({ enum: ['embedded', 'mongodb', 'none'] })
  adapter!: 'embedded' | 'mongodb' | 'none';

  @ApiProperty({ enum: ['up', 'down', 'not configured'] })
  status!: 'up' | 'down' | 'not configured';
}

export class RedisHealthAnswer {
  @ApiProperty({ enum: ['up', 'down', 'not configured'] })
  status!: 'up' | 'down' | 'not configured';
}

/** The integrity follower's state (docs/audit.md), or `{ status: 'not configured' }`. */
export class IntegrityHealthAnswer {
  @ApiProperty({ enum: ['checking', 'ok', 'failed', 'not configured'] })
  status!: 'checking' | 'ok' | 'failed' | 'not configured';

  @ApiPropertyOptional()
  treeSize?: number;

  @ApiPropertyOptional({ description: "Position of the tree's last leaf" })
  position?: string;

  @ApiPropertyOptional()
  following?: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  checkedAt?: string;

  @ApiPropertyOptional()
  problemCount?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  firstProblem?: Record<string, unknown>;
}

/** `GET /health`: 200 when every configured store answers, 503 with the same body otherwise. */
export class HealthAnswer {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description: '`degraded` when a store is down or the integrity check failed',
  })
  status!: 'ok' | 'degraded';

  @ApiProperty({ type: EventStoreHealthAnswer })
  eventStore!: EventStoreHealthAnswer;

  @ApiProperty({ type: ReadStoreHealthAnswer })
  readStore!: ReadStoreHealthAnswer;

  @ApiProperty({ type: RedisHealthAnswer })
  redis!: RedisHealthAnswer;

  @ApiProperty({ type: IntegrityHealthAnswer })
  integrity!: IntegrityHealthAnswer;
}
