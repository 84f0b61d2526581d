import type { Delivery, DeliveryStatus, Webhook } from './webhook-types';

/** A delivery owed for an event: a first failure, or an event held behind its stream's. */
export type NewDelivery = Omit<Delivery, 'holdsStream'>;

/**
 * The webhooks' durable state: subscriptions with their positions and the deliveries still owed.
 * A position and the deliveries it passed over are written together, so a crash can repeat a
 * delivery but never skip one.
 */
export interface WebhookStore {
  create(webhook: Webhook): Promise<void>;
  list(): Webhook[];
  get(webhookId: string): Webhook | undefined;
  update(
    webhookId: string,
    changes: Partial<Pick<Webhook, 'url' | 'eventTypes' | 'state'>>,
  ): Promise<void>;
  /** Forgets the subscription and every delivery it still owed. */
  delete(webhookId: string): Promise<void>;
  /** Moves the position; never backwards. */
  savePosition(webhookId: string, position: string): Promise<void>;
  noteDelivered(webhookId: string, at: string): Promise<void>;

  /** Records deliveries, keeping any already recorded under the same id; returns the new ones. */
  record(deliveries: readonly NewDelivery[]): Promise<NewDelivery[]>;
  delivery(deliveryId: string): Delivery | undefined;
  deliveries(webhookId: string, filter: { status?: DeliveryStatus; limit: number }): Delivery[];
  /** The stream's owed deliveries that hold it back, oldest first. */
  heldBack(webhookId: string, streamId: string): Delivery[];
  /** Owed deliveries holding streams back, counted per stream (to rebuild the blocks at start). */
  blockedStreams(webhookId: string): Map<string, number>;
  /** Failed deliveries due before `dueBefore` (ms since the epoch), oldest first. */
  due(dueBefore: number, limit: number): Delivery[];
  /** Streams whose oldest held delivery has no failed one before it (a crash between steps). */
  headless(webhookId: string): Delivery[];
  updateDelivery(deliveryId: string, changes: Partial<Omit<Delivery, 'deliveryId'>>): Promise<void>;
  forget(deliveryId: string): Promise<void>;
  counts(webhookId: string): Record<DeliveryStatus, number>;
  close(): Promise<void>;
}

export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');
