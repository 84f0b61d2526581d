import { type ContactEvent } from './contacts/contact-events';
import { type CustomFieldEvent } from './contacts/custom-field-definitions';
import { type InteractionEvent } from './interactions/interaction-events';
import { type CampaignEvent, type CampaignTouchEvent } from './marketing/campaign-events';
import { type DealEvent } from './sales/deal-events';
import { type OrderEvent } from './sales/order';
import { type SlaPolicyEvent } from './service/sla-policies';
import { type TicketEvent } from './service/ticket-events';

/** Every event v1 writes, discriminated on `type`, for projections to switch over. */
export type ChronicleEvent =
  | ContactEvent
  | CustomFieldEvent
  | CampaignTouchEvent
  | DealEvent
  | OrderEvent
  | InteractionEvent
  | CampaignEvent
  | SlaPolicyEvent
  | TicketEvent;

export type ChronicleEventType = ChronicleEvent['type'];
