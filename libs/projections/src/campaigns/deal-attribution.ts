import type { Fact } from '../shared/business-time';
import { factAsEvent } from '../shared/business-time';
import { type EventLike, numberField, stringField } from '../shared/event-fields';

/** A deal as the campaigns view needs it: its opening's campaign and contact, and its wins. */
export interface DealAttribution {
  campaignId?: string;
  contactId?: string;
  wins: Array<{ amount: number; contactId?: string }>;
}

/** The fields of each deal event the fold reads. */
export const DEAL_FACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  DealOpened: ['campaignId', 'contactId'],
  DealWon: ['contactId', 'amount'],
};

/** Who a won deal counts for: a campaign in full, or a contact's campaigns by their credit. */
export type DealCredit =
  | { kind: 'campaign'; campaignId: string; amount: number }
  | { kind: 'contact'; contactId: string; amount: number };

export function evolveDealAttribution(
  state: DealAttribution | undefined,
  event: EventLike,
): DealAttribution {
  const deal = state ?? { wins: [] };
  const contactId = stringField(event.data, 'contactId');
  switch (event.type) {
    case 'DealOpened': {
      const campaignId = stringField(event.data, 'campaignId');
      return {
        wins: deal.wins,
        ...(campaignId !== undefined && { campaignId }),
        ...(contactId !== undefined && { contactId }),
      };
    }
    case 'DealWon': {
      const amount = numberField(event.data, 'amount') ?? 0;
      return { ...deal, wins: [...deal.wins, { amount, ...(contactId && { contactId }) }] };
    }
    default:
      return deal;
  }
}

/**
 * The credits of the deal's wins: its opening's campaign takes them in full; without one they
 * follow the opening's contact (else the one the win names). A function of the facts folded,
 * not of their order: a win is placed by the opening known at the same moment.
 */
export function dealCredits(deal: DealAttribution): DealCredit[] {
  return deal.wins.flatMap((win): DealCredit[] => {
    if (deal.campaignId !== undefined) {
      return [{ kind: 'campaign', campaignId: deal.campaignId, amount: win.amount }];
    }
    const contactId = deal.contactId ?? win.contactId;
    return contactId === undefined ? [] : [{ kind: 'contact', contactId, amount: win.amount }];
  });
}

/** The fold of every fact held (the live state). */
export function dealAttributionOf(facts: readonly Fact[]): DealAttribution {
  return facts.reduce<DealAttribution>(
    (state, fact) => evolveDealAttribution(state, factAsEvent(fact)),
    { wins: [] },
  );
}
