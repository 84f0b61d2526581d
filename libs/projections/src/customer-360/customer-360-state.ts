import type { JsonValue } from '@chronicle/event-store';
import type { StageChange } from './stage-timing';

/**
 * One contact's customer 360 as the fold keeps it: JSON only (the projection stores it as is)
 * and no plaintext personal data. `details`, `registeredCustomFields` and `customFields` hold the
 * values exactly as the events carry them, sealed (`enc:v1:…`) where the field is personal; they
 * are opened only when an answer is made (customer-360-view.ts).
 */
export type Customer360State = {
  contactId: string;
  /** False until ContactRegistered: other contexts' events may name a contact first in a partial replay. */
  registered: boolean;
  registeredAt: string | null;
  /** Identity and descriptive fields as last set; a `null` update removes the field. */
  details: Record<string, JsonValue>;
  source: string | null;
  campaignId: string | null;
  lifecycleStage: string | null;
  /** Stage → business time of the latest entry into it. */
  stageEnteredAt: Record<string, string>;
  /** Every entry into a stage, in business-time order (ties by position): the stage timing's source. */
  stageChanges: StageChange[];
  leadStatus: string | null;
  ownerId: string | null;
  /** RegisterContact's `customFields`, sealed as one value. */
  registeredCustomFields: JsonValue | null;
  /** Field → sealed value of the latest CustomFieldSet; wins over the registration's value. */
  customFields: Record<string, JsonValue>;
  /** Channel → the statement with the latest business time. */
  consents: Record<string, { granted: boolean; at: string }>;
  purchases: { orders: number; total: number; lastPurchaseAt: string | null };
  interactions: { total: number; byKind: Record<string, number>; lastAt: string | null };
  /** Tickets neither resolved nor closed. */
  openTicketIds: string[];
  deals: { open: number; won: number; lost: number };
  mergedFrom: string[];
  /** The survivor, once this contact was merged into it. */
  mergedInto: string | null;
  erasedAt: string | null;
  /** Position of the last event folded in. */
  position: string;
};

/** The state before any event of `contactId`. */
export function initialCustomer360(contactId: string): Customer360State {
  return {
    contactId,
    registered: false,
    registeredAt: null,
    details: {},
    source: null,
    campaignId: null,
    lifecycleStage: null,
    stageEnteredAt: {},
    stageChanges: [],
    leadStatus: null,
    ownerId: null,
    registeredCustomFields: null,
    customFields: {},
    consents: {},
    purchases: { orders: 0, total: 0, lastPurchaseAt: null },
    interactions: { total: 0, byKind: {}, lastAt: null },
    openTicketIds: [],
    deals: { open: 0, won: 0, lost: 0 },
    mergedFrom: [],
    mergedInto: null,
    erasedAt: null,
    position: '0',
  };
}
