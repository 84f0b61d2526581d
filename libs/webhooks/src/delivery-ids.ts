import { createHash, randomBytes } from 'node:crypto';

/**
 * The delivery id of an event for a subscription: derived, so the same event re-read after a
 * crash is the same delivery (one row, one id the receiver may log), never a second one.
 */
export function deliveryIdOf(webhookId: string, eventId: string): string {
  const digest = createHash('sha256').update(`${webhookId}\u0000${eventId}`).digest('hex');
  return `dlv_${digest.slice(0, 32)}`;
}

export function newWebhookId(): string {
  return `wh_${randomBytes(12).toString('hex')}`;
}

/** 32 random bytes as base64url: the generated signing secret. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
