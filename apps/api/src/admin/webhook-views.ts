import type { Delivery, Webhook } from '@chronicle/webhooks';

/** A subscription as the admin routes show it: never its secret after creation. */
export interface WebhookSummary {
  webhookId: string;
  url: string;
  eventTypes: string[];
  state: Webhook['state'];
  description: string | null;
  createdAt: string;
}

/** `GET /admin/webhooks/{id}`: where it stands. */
export interface WebhookDetail extends WebhookSummary {
  position: string;
  /** Positions between the store's head and the subscription's position, as a decimal string. */
  lag: string;
  lastDeliveryAt: string | null;
  /** True while some delivery is failing and being retried. */
  failing: boolean;
  deliveries: { failed: number; held: number; dead: number };
}

export interface DeliveryView {
  deliveryId: string;
  eventId: string;
  eventType: string;
  streamId: string;
  revision: number;
  position: string;
  status: Delivery['status'];
  attempts: number;
  firstFailedAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
}

export function toSummary(webhook: Webhook): WebhookSummary {
  const { webhookId, url, eventTypes, state, description, createdAt } = webhook;
  return { webhookId, url, eventTypes, state, description, createdAt };
}

export function toDeliveryView(delivery: Delivery): DeliveryView {
  const time = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    deliveryId: delivery.deliveryId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    streamId: delivery.streamId,
    revision: delivery.revision,
    position: delivery.position,
    status: delivery.status,
    attempts: delivery.attempts,
    firstFailedAt: time(delivery.firstFailedAt),
    nextAttemptAt: time(delivery.nextAttemptAt),
    lastError: delivery.lastError,
  };
}
