import { CONTACT_DETAIL_FIELDS } from '@chronicle/domain';
import type { JsonValue } from '@chronicle/event-store';
import { ratioOrNull } from '../shared/percentiles';
import type { Customer360State } from './customer-360-state';
import { customerSegment, type CustomerSegment } from './customer-segment';
import { type StageTiming, stageTimings } from './stage-timing';

/**
 * Opens the personal fields of an event-shaped object (PersonalDataCipher.open in
 * libs/application fits): erased subjects read as the ERASED marker. Declared here so the read
 * side depends on the shape, not on the application library.
 */
export interface PersonalDataOpener {
  open(event: { type: string; data: Record<string, unknown> }): Promise<Record<string, unknown>>;
}

/** `GET /views/customers/{id}` (docs/views-contacts.md); fields the history lacks are null. */
export type Customer360View = { contactId: string } & Record<
  (typeof CONTACT_DETAIL_FIELDS)[number],
  unknown
> & {
    source: string | null;
    campaignId: string | null;
    registeredAt: string | null;
    lifecycleStage: string | null;
    stageEnteredAt: Record<string, string>;
    stages: Record<string, StageTiming>;
    leadStatus: string | null;
    ownerId: string | null;
    customFields: Record<string, unknown>;
    consents: Record<string, boolean>;
    purchases: {
      orders: number;
      total: number;
      averageOrderValue: number | null;
      lastPurchaseAt: string | null;
    };
    interactions: { total: number; byKind: Record<string, number>; lastAt: string | null };
    openTickets: number;
    deals: { open: number; won: number; lost: number };
    segment: CustomerSegment;
    mergedFrom: string[];
    /** The survivor when this contact was merged away; null otherwise. */
    mergedInto: string | null;
    erasedAt: string | null;
    position: string;
  };

/**
 * Makes the answer from a folded state: decrypts the personal fields now (they are stored sealed)
 * and classifies the segment and counts the current stage's stay as of `now`. Shared by the live view and the audit's as-of replay.
 */
export async function toCustomer360View(
  state: Customer360State,
  context: { position: string; now: Date; cipher: PersonalDataOpener },
): Promise<Customer360View> {
  const { contactId, purchases } = state;
  const [opened, customFields] = await Promise.all([
    context.cipher.open({
      type: 'ContactRegistered',
      data: {
        contactId,
        ...state.details,
        ...(state.registeredCustomFields !== null && {
          customFields: state.registeredCustomFields,
        }),
      },
    }),
    openCustomFields(state, context.cipher),
  ]);
  const identity = Object.fromEntries(
    CONTACT_DETAIL_FIELDS.map((field) => [field, opened[field] ?? null]),
  ) as Record<(typeof CONTACT_DETAIL_FIELDS)[number], unknown>;
  return {
    contactId,
    ...identity,
    source: state.source,
    campaignId: state.campaignId,
    registeredAt: state.registeredAt,
    lifecycleStage: state.lifecycleStage,
    stageEnteredAt: state.stageEnteredAt,
    stages: stageTimings(state.stageChanges, context.now),
    leadStatus: state.leadStatus,
    ownerId: state.ownerId,
    customFields: { ...asObject(opened.customFields), ...customFields },
    consents: Object.fromEntries(
      Object.entries(state.consents).map(([channel, { granted }]) => [channel, granted]),
    ),
    purchases: {
      orders: purchases.orders,
      total: purchases.total,
      averageOrderValue: roundedRatio(purchases.total, purchases.orders),
      lastPurchaseAt: purchases.lastPurchaseAt,
    },
    interactions: state.interactions,
    openTickets: state.openTicketIds.length,
    deals: state.deals,
    segment: customerSegment(purchases, context.now),
    mergedFrom: state.mergedFrom,
    mergedInto: state.mergedInto,
    erasedAt: state.erasedAt,
    position: context.position,
  };
}

async function openCustomFields(
  state: Customer360State,
  cipher: PersonalDataOpener,
): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(state.customFields).map(async ([field, value]: [string, JsonValue]) => {
      const opened = await cipher.open({
        type: 'CustomFieldSet',
        data: { contactId: state.contactId, field, value },
      });
      return [field, opened.value] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The registration's custom fields open to an object, or to the ERASED marker after erasure. */
function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function roundedRatio(total: number, count: number): number | null {
  const ratio = ratioOrNull(total, count);
  return ratio === null ? null : Math.round(ratio * 1e6) / 1e6;
}
