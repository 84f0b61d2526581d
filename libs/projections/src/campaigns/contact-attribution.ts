import type { Fact } from '../shared/business-time';
import { factAsEvent } from '../shared/business-time';
import { type EventLike, occurredAtOf, stringField } from '../shared/event-fields';
import { ladderRankOf } from '../shared/ladder';
import type { TouchPoint } from './attribution-models';

/** What a contact brings to the campaigns, at some business moment. */
export interface ContactAttribution {
  /** Campaign contacts (registration's campaign, touches), in business-time order. */
  touchPoints: TouchPoint[];
  /** The `CampaignTouchRecorded` alone (not the registration), for `touches` and `reached`. */
  touches: Array<{ campaignId: string; kind: string }>;
  /** Highest lifecycle ladder rank ever reached; -1 when none is known. */
  highestRank: number;
  /** First entry into `customer` (or a later stage, as skipped stages count as passed). */
  customerAt?: string;
  mergedAway: boolean;
}

/**
 * The fields of each contact event the fold reads (never personal data). A `ContactsMerged` is
 * kept on the merged-away contact's document only.
 */
export const CONTACT_FACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ContactRegistered: ['lifecycleStage', 'campaignId'],
  CampaignTouchRecorded: ['campaignId', 'kind'],
  LifecycleStageChanged: ['to'],
  ContactsMerged: ['duplicateContactId'],
};

const CUSTOMER_RANK = ladderRankOf('customer');

function emptyAttribution(): ContactAttribution {
  return { touchPoints: [], touches: [], highestRank: -1, mergedAway: false };
}

/**
 * The pure fold of a contact's campaign facts, taken in business-time order. Every field is a
 * function of the set of facts folded (earliest, highest, any), so the live projection and an
 * as-of answer agree whatever order the facts were recorded in.
 */
export function evolveContactAttribution(
  state: ContactAttribution | undefined,
  event: EventLike,
): ContactAttribution {
  const next = state ?? emptyAttribution();
  const at = occurredAtOf(event);
  const campaignId = stringField(event.data, 'campaignId');
  switch (event.type) {
    case 'ContactRegistered': {
      const rank = ladderRankOf(event.data.lifecycleStage ?? 'lead');
      return {
        ...reachRank(next, rank, at),
        touchPoints:
          campaignId === undefined
            ? next.touchPoints
            : [...next.touchPoints, { campaignId, occurredAt: at }],
      };
    }
    case 'CampaignTouchRecorded': {
      if (campaignId === undefined) return next;
      const kind = stringField(event.data, 'kind') ?? 'unknown';
      return {
        ...next,
        touchPoints: [...next.touchPoints, { campaignId, occurredAt: at }],
        touches: [...next.touches, { campaignId, kind }],
      };
    }
    case 'LifecycleStageChanged':
      return reachRank(next, ladderRankOf(event.data.to), at);
    case 'ContactsMerged':
      return { ...next, mergedAway: true };
    default:
      return next;
  }
}

function reachRank(state: ContactAttribution, rank: number, at: string): ContactAttribution {
  const customerAt =
    state.customerAt === undefined && rank >= CUSTOMER_RANK ? at : state.customerAt;
  return {
    ...state,
    highestRank: Math.max(state.highestRank, rank),
    ...(customerAt !== undefined && { customerAt }),
  };
}

/** The fold of every fact held (the live state). */
export function contactAttributionOf(facts: readonly Fact[]): ContactAttribution {
  return facts.reduce<ContactAttribution>(
    (state, fact) => evolveContactAttribution(state, factAsEvent(fact)),
    emptyAttribution(),
  );
}
