// `@chronicle/webhooks/embedded`: subscriptions and deliveries in a SQLite file.
export { SqliteWebhookStore } from './sqlite-webhook-store';
