import { type EventDataReader, toFeedEvent } from '@chronicle/change-feed';
import type { RecordedEvent } from '@chronicle/event-store';
import type { AttemptOutcome, DeliveryClient } from './delivery-client';
import { signatureHeader } from './signature';
import type { Webhook } from './webhook-types';

/** Counts of attempts by outcome, per subscription, for `/metrics`. */
export type AttemptCounts = Map<string, { delivered: number; failed: number }>;

/**
 * One attempt of one delivery: the event as the change feed shows it (decrypted now, so an
 * erased subject reads `[erased]` even in a retry), signed, POSTed.
 */
export class DeliveryAttempts {
  readonly counts: AttemptCounts = new Map();

  constructor(
    private readonly reader: EventDataReader,
    private readonly client: DeliveryClient,
    private readonly clock: () => number,
  ) {}

  async attempt(
    webhook: Webhook,
    event: RecordedEvent,
    deliveryId: string,
  ): Promise<AttemptOutcome> {
    let outcome: AttemptOutcome;
    try {
      const body = JSON.stringify(await toFeedEvent(this.reader, event));
      const timestamp = Math.floor(this.clock() / 1000);
      outcome = await this.client.post(webhook.url, body, {
        'Content-Type': 'application/json',
        'User-Agent': 'Chronicle-Webhooks/1',
        'Chronicle-Event-Id': event.eventId,
        'Chronicle-Event-Type': event.type,
        'Chronicle-Delivery-Id': deliveryId,
        'Chronicle-Signature': signatureHeader(webhook.secret, timestamp, body),
      });
    } catch (error) {
      outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    const counts = this.counts.get(webhook.webhookId) ?? { delivered: 0, failed: 0 };
    if (outcome.ok) counts.delivered += 1;
    else counts.failed += 1;
    this.counts.set(webhook.webhookId, counts);
    return outcome;
  }
}
