import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { WebhookDispatcher, WEBHOOK_STORE, type WebhookStore } from '@chronicle/webhooks';
import { gauge, type MetricFamily } from '../metrics/prometheus-text';

/** The webhooks' lines of `/metrics`: lag, owed deliveries and attempts per subscription. */
@Injectable()
export class WebhookMetrics {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
  ) {}

  async families(): Promise<MetricFamily[]> {
    const head = BigInt(await this.eventStore.headPosition());
    const webhooks = this.store.list();
    const lag = webhooks.map((webhook) => {
      const position = this.dispatcher.runner(webhook.webhookId)?.position ?? webhook.position;
      const behind = head - BigInt(position);
      return { labels: { webhook: webhook.webhookId }, value: Number(behind > 0n ? behind : 0n) };
    });
    const owed = webhooks.flatMap((webhook) =>
      Object.entries(this.store.counts(webhook.webhookId)).map(([status, value]) => ({
        labels: { webhook: webhook.webhookId, status },
        value,
      })),
    );
    const attempts = [...this.dispatcher.attemptCounts].flatMap(([webhook, counts]) => [
      { labels: { webhook, outcome: 'delivered' }, value: counts.delivered },
      { labels: { webhook, outcome: 'failed' }, value: counts.failed },
    ]);
    return [
      gauge('chronicle_webhook_lag', 'Positions between the head and each subscription.', lag),
      gauge(
        'chronicle_webhook_deliveries_owed',
        'Deliveries failed, held or dead, by status.',
        owed,
      ),
      {
        name: 'chronicle_webhook_attempts_total',
        help: 'Delivery attempts by this process, by outcome.',
        type: 'counter',
        samples: attempts,
      },
    ];
  }
}
