import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiOperation, ApiTags, ApiNoContentResponse } from '@nestjs/swagger';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { CreateWebhookDto, DeliveriesQuery, UpdateWebhookDto } from './webhooks.dto';
import { type CreatedWebhook, WebhooksService } from './webhooks.service';
import type { DeliveryView, WebhookDetail, WebhookSummary } from './webhook-views';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import {
  CreatedWebhookAnswer,
  DeliveryAnswer,
  DeliveryListAnswer,
  WebhookDetailAnswer,
  WebhookListAnswer,
} from './admin.response';

@ApiTags('admin')
@Roles('admin')
@ApiErrors(400, 401, 403, 404, 500, 503)
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(@Inject(WebhooksService) private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiAnswer(CreatedWebhookAnswer, {
    status: 201,
    description: 'Subscribed; the answer shows the signing secret this once',
  })
  @ApiOperation({ summary: 'Subscribe a URL to events; the answer shows the signing secret once' })
  create(@Body() body: CreateWebhookDto): Promise<CreatedWebhook> {
    return this.webhooks.create(body);
  }

  @Get()
  @ApiAnswer(WebhookListAnswer)
  @ApiOperation({ summary: 'Every subscription (without secrets)' })
  list(): { webhooks: WebhookSummary[] } {
    return this.webhooks.list();
  }

  @Get(':webhookId')
  @ApiAnswer(WebhookDetailAnswer)
  @ApiOperation({ summary: 'One subscription with its position, lag, last delivery and failures' })
  detail(@Param('webhookId') webhookId: string): Promise<WebhookDetail> {
    return this.webhooks.detail(webhookId);
  }

  @Patch(':webhookId')
  @ApiAnswer(WebhookDetailAnswer)
  @ApiOperation({ summary: 'Pause or resume, or change the URL or event types' })
  update(
    @Param('webhookId') webhookId: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDetail> {
    return this.webhooks.update(webhookId, body);
  }

  @Delete(':webhookId')
  @ApiNoContentResponse({ description: 'Unsubscribed' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unsubscribe; deliveries still owed are dropped' })
  remove(@Param('webhookId') webhookId: string): Promise<void> {
    return this.webhooks.remove(webhookId);
  }

  @Get(':webhookId/deliveries')
  @ApiAnswer(DeliveryListAnswer)
  @ApiOperation({ summary: 'Deliveries still owed: failed (retrying), held, or dead' })
  deliveries(
    @Param('webhookId') webhookId: string,
    @ValidQuery(DeliveriesQuery) query: DeliveriesQuery,
  ): { deliveries: DeliveryView[] } {
    return this.webhooks.deliveries(webhookId, query);
  }

  @Post(':webhookId/deliveries/:deliveryId/retry')
  @ApiErrors(422)
  @ApiAnswer(DeliveryAnswer, { status: 202, description: 'The delivery is attempted now' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Attempt a failed or dead delivery now' })
  retry(
    @Param('webhookId') webhookId: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryView> {
    return this.webhooks.retry(webhookId, deliveryId);
  }
}
