export { AddressPolicy } from './address-policy';
export { deliveryIdOf, newWebhookId, newWebhookSecret } from './delivery-ids';
export { signatureHeader } from './signature';
export { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-policy';
export {
  checkWebhookUrl,
  type HostResolver,
  MAX_URL_LENGTH,
  systemResolver,
  UnsafeWebhookUrlError,
} from './url-check';
export { WebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher';
export { WEBHOOK_STORE, type NewDelivery, type WebhookStore } from './webhook-store.port';
export type { Delivery, DeliveryStatus, Webhook, WebhookState } from './webhook-types';
