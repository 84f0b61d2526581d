import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProjectionsReport, ProjectionStatus } from '@chronicle/projections';
import type { DeliveryStatus, WebhookState } from '@chronicle/webhooks';
import type { CreatedWebhook } from './webhooks.service';
import type { DeliveryView, WebhookDetail, WebhookSummary } from './webhook-views';

/** The event a projection failed on. */
export class FailedEventAnswer {
  @ApiProperty()
  eventId!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty()
  streamId!: string;

  @ApiProperty()
  position!: string;
}

export class ProjectionFailureAnswer {
  @ApiProperty()
  generation!: number;

  @ApiProperty()
  message!: string;

  @ApiProperty()
  position!: string;

  @ApiPropertyOptional({ type: FailedEventAnswer })
  event?: FailedEventAnswer;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class RebuildProgressAnswer {
  @ApiProperty()
  jobId!: string;

  @ApiProperty()
  generation!: number;

  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'Positions replayed, a decimal string' })
  done!: string;

  @ApiProperty({ description: 'Positions to replay, a decimal string' })
  total!: string;

  @ApiProperty()
  finished!: boolean;
}

export class ProjectionStatusAnswer implements ProjectionStatus {
  @ApiProperty({ example: 'lifecycle-funnel' })
  name!: string;

  @ApiProperty({ description: 'The version of the generation that serves reads' })
  version!: number;

  @ApiProperty({ description: 'The generation that serves reads' })
  generation!: number;

  @ApiProperty({
    enum: ['catching_up', 'live', 'rebuilding', 'failed', 'stopped'],
    enumName: 'ProjectionState',
  })
  state!: ProjectionStatus['state'];

  @ApiProperty({ description: "The serving generation's committed position" })
  position!: string;

  @ApiProperty()
  headPosition!: string;

  @ApiProperty({ description: 'Positions behind the head, a decimal string' })
  lag!: string;

  @ApiPropertyOptional({ description: "True while another worker holds this projection's lease" })
  waitingForLease?: boolean;

  @ApiPropertyOptional({ type: ProjectionFailureAnswer })
  error?: ProjectionFailureAnswer;

  @ApiPropertyOptional({ type: RebuildProgressAnswer })
  rebuild?: RebuildProgressAnswer;
}

/** `GET /admin/projections`. */
export class ProjectionsAnswer implements ProjectionsReport {
  @ApiProperty()
  headPosition!: string;

  @ApiProperty({ type: [ProjectionStatusAnswer] })
  projections!: ProjectionStatusAnswer[];
}

/** `POST /admin/projections/{name}/rebuild`: the rebuild job, whose progress GET shows. */
export class JobAnswer {
  @ApiProperty()
  jobId!: string;
}

/** A subscription as the admin routes show it: never its secret after creation. */
export class WebhookAnswer implements WebhookSummary {
  @ApiProperty()
  webhookId!: string;

  @ApiProperty({ format: 'uri' })
  url!: string;

  @ApiProperty({ type: [String], example: ['ContactRegistered'] })
  eventTypes!: string[];

  @ApiProperty({ enum: ['active', 'paused'], enumName: 'WebhookState' })
  state!: WebhookState;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** `POST /admin/webhooks`: the signing secret, shown this once. */
export class CreatedWebhookAnswer extends WebhookAnswer implements CreatedWebhook {
  @ApiProperty({ description: 'The signing secret, shown only in this answer' })
  secret!: string;
}

export class DeliveryCountsAnswer {
  @ApiProperty()
  failed!: number;

  @ApiProperty()
  held!: number;

  @ApiProperty()
  dead!: number;
}

/** `GET /admin/webhooks/{webhookId}`. */
export class WebhookDetailAnswer extends WebhookAnswer implements WebhookDetail {
  @ApiProperty()
  position!: string;

  @ApiProperty({ description: 'Positions behind the head, a decimal string' })
  lag!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastDeliveryAt!: string | null;

  @ApiProperty({ description: 'True while some delivery is failing and being retried' })
  failing!: boolean;

  @ApiProperty({ type: DeliveryCountsAnswer })
  deliveries!: DeliveryCountsAnswer;
}

/** `GET /admin/webhooks`. */
export class WebhookListAnswer {
  @ApiProperty({ type: [WebhookAnswer] })
  webhooks!: WebhookAnswer[];
}

/** A delivery still owed. */
export class DeliveryAnswer implements DeliveryView {
  @ApiProperty()
  deliveryId!: string;

  @ApiProperty()
  eventId!: string;

  @ApiProperty()
  eventType!: string;

  @ApiProperty()
  streamId!: string;

  @ApiProperty()
  revision!: number;

  @ApiProperty()
  position!: string;

  @ApiProperty({ enum: ['failed', 'held', 'dead'], enumName: 'OwedDeliveryStatus' })
  status!: DeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  firstFailedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;
}

/** `GET /admin/webhooks/{webhookId}/deliveries`. */
export class DeliveryListAnswer {
  @ApiProperty({ type: [DeliveryAnswer] })
  deliveries!: DeliveryAnswer[];
}

/** The calling key. */
export class KeyIdentityAnswer {
  @ApiProperty({ description: "The key's id (never the token)" })
  id!: string;

  @ApiProperty({ type: [String], example: ['analyst'] })
  roles!: string[];
}
