/** A subscription's state: paused ones keep their position and deliver nothing until resumed. */
export type WebhookState = 'active' | 'paused';

/** A webhook subscription as stored. */
export interface Webhook {
  webhookId: string;
  url: string;
  /** Exact event types, or `['*']` for every event. */
  eventTypes: string[];
  /** The signing key, exactly as the creation answer showed it. */
  secret: string;
  description: string | null;
  state: WebhookState;
  createdAt: string;
  /** Every matching event up to here is delivered, or recorded as a delivery still owed. */
  position: string;
  lastDeliveryAt: string | null;
}

/**
 * A delivery that did not succeed at its first attempt, or waits behind one of its stream:
 * `failed` is retried with backoff, `held` waits for the earlier failing event of its stream,
 * `dead` gave up after the retry period and waits for an operator. Delivered ones are forgotten.
 */
export type DeliveryStatus = 'failed' | 'held' | 'dead';

export interface Delivery {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  streamId: string;
  revision: number;
  position: string;
  status: DeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  /** When the first attempt failed (ms since the epoch); the retry period counts from it. */
  firstFailedAt: number | null;
  /** When the next attempt is due (ms since the epoch); null while held or dead. */
  nextAttemptAt: number | null;
  lastError: string | null;
  /** False for a dead delivery retried by hand: it no longer holds its stream back. */
  holdsStream: boolean;
}
