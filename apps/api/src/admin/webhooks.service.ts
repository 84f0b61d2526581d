import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { ChronicleError, validationFailed } from '@chronicle/platform';
import {
  AddressPolicy,
  checkWebhookUrl,
  newWebhookId,
  newWebhookSecret,
  UnsafeWebhookUrlError,
  type Webhook,
  WebhookDispatcher,
  WEBHOOK_STORE,
  type WebhookStore,
} from '@chronicle/webhooks';
import type { CreateWebhookDto, DeliveriesQuery, UpdateWebhookDto } from './webhooks.dto';
import {
  type DeliveryView,
  toDeliveryView,
  toSummary,
  type WebhookDetail,
  type WebhookSummary,
} from './webhook-views';

/** The answer of `POST /admin/webhooks`: the only one that shows the secret. */
export type CreatedWebhook = WebhookSummary & { secret: string };

/** Manages subscriptions for the admin routes (docs/webhooks.md); the dispatcher delivers. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(AddressPolicy) private readonly policy: AddressPolicy,
  ) {}

  async create(request: CreateWebhookDto): Promise<CreatedWebhook> {
    await this.checkUrl(request.url);
    const webhook: Webhook = {
      webhookId: newWebhookId(),
      url: request.url,
      eventTypes: request.eventTypes,
      secret: request.secret ?? newWebhookSecret(),
      description: request.description ?? null,
      state: 'active',
      createdAt: new Date().toISOString(),
      // Every matching event stored from now on is delivered.
      position: await this.eventStore.headPosition(),
      lastDeliveryAt: null,
    };
    await this.store.create(webhook);
    await this.dispatcher.refresh(webhook.webhookId);
    return { ...toSummary(webhook), secret: webhook.secret };
  }

  list(): { webhooks: WebhookSummary[] } {
    return { webhooks: this.store.list().map(toSummary) };
  }

  async detail(webhookId: string): Promise<WebhookDetail> {
    const webhook = this.existing(webhookId);
    const runner = this.dispatcher.runner(webhookId);
    const position = runner?.position ?? webhook.position;
    const head = await this.eventStore.headPosition();
    const counts = this.store.counts(webhookId);
    const lag = BigInt(head) - BigInt(position);
    return {
      ...toSummary(webhook),
      position,
      lag: String(lag > 0n ? lag : 0n),
      lastDeliveryAt: runner?.owed.lastDeliveryAt ?? webhook.lastDeliveryAt,
      failing: counts.failed > 0,
      deliveries: counts,
    };
  }

  async update(webhookId: string, changes: UpdateWebhookDto): Promise<WebhookDetail> {
    this.existing(webhookId);
    if (changes.url !== undefined) await this.checkUrl(changes.url);
    await this.store.update(webhookId, changes);
    await this.dispatcher.refresh(webhookId);
    return this.detail(webhookId);
  }

  async remove(webhookId: string): Promise<void> {
    this.existing(webhookId);
    await this.store.delete(webhookId);
    await this.dispatcher.refresh(webhookId);
  }

  deliveries(webhookId: string, query: DeliveriesQuery): { deliveries: DeliveryView[] } {
    this.existing(webhookId);
    const found = this.store.deliveries(webhookId, {
      status: query.status,
      limit: query.limit ?? 100,
    });
    return { deliveries: found.map(toDeliveryView) };
  }

  async retry(webhookId: string, deliveryId: string): Promise<DeliveryView> {
    this.existing(webhookId);
    const delivery = this.store.delivery(deliveryId);
    if (!delivery || delivery.webhookId !== webhookId) {
      throw new ChronicleError('NOT_FOUND', `Webhook ${webhookId} owes no delivery ${deliveryId}`);
    }
    if (delivery.status === 'held') {
      throw new ChronicleError(
        'RULE_VIOLATED',
        'A held delivery goes once the earlier failing event of its stream is delivered',
      );
    }
    const runner = this.dispatcher.runner(webhookId);
    if (!runner) {
      throw new ChronicleError('RULE_VIOLATED', `Webhook ${webhookId} is paused; resume it first`);
    }
    await runner.owed.retryByHand(delivery);
    return toDeliveryView(this.store.delivery(deliveryId) ?? delivery);
  }

  private existing(webhookId: string): Webhook {
    const webhook = this.store.get(webhookId);
    if (!webhook) throw new ChronicleError('NOT_FOUND', `No webhook ${webhookId}`);
    return webhook;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkWebhookUrl(url, this.policy);
    } catch (error) {
      if (!(error instanceof UnsafeWebhookUrlError)) throw error;
      throw validationFailed([{ field: 'url', problems: [error.message] }], error.message);
    }
  }
}
