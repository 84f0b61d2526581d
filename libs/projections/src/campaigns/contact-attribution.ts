import type { Fact } from '../shared/business-time';
import { factAsEvent, factsAsOf } from '../shared/business-time';
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
 * The fold of a contact's campaign facts that had happened by `validAt` (all of them when
 * undefined), in business-time order. Every field is a function of the set of facts folded
 * (earliest, highest, any), so the live projection and an as-of answer agree whatever order the
 * facts were recorded in. The state is the fold's own, so lists grow in place: a contact with
 * many touches folds in linear time.
 */
export function contactAttributionAsOf(
  facts: readonly Fact[],
  validAt?: string,
): ContactAttribution | undefined {
  const known = validAt === undefined ? facts : factsAsOf(facts, validAt);
  if (known.length === 0) return undefined;
  const state = emptyAttribution();
  for (const fact of known) applyContactFact(state, factAsEvent(fact));
  return state;
}

/** The fold of every fact held (the live state). */
export function contactAttributionOf(facts: readonly Fact[]): ContactAttribution {
  return contactAttributionAsOf(facts) ?? emptyAttribution();
}

function applyContactFact(state: ContactAttribution, event: EventLike): void {
  const at = occurredAtOf(event);
  const campaignId = stringField(event.data, 'campaignId');
  switch (event.type) {
    case 'ContactRegistered':
      reachRank(state, ladderRankOf(event.data.lifecycleStage ?? 'lead'), at);
      if (campaignId !== undefined) state.touchPoints.push({ campaignId, occurredAt: at });
      return;
    case 'CampaignTouchRecorded':
      if (campaignId === undefined) return;
      state.touchPoints.push({ campaignId, occurredAt: at });
      state.touches.push({ campaignId, kind: stringField(event.data, 'kind') ?? 'unknown' });
      return;
    case 'LifecycleStageChanged':
      reachRank(state, ladderRankOf(event.data.to), at);
      return;
    case 'ContactsMerged':
      state.mergedAway = true;
      return;
  }
}

function reachRank(state: ContactAttribution, rank: number, at: string): void {
  if (state.customerAt === undefined && rank >= CUSTOMER_RANK) state.customerAt = at;
  state.highestRank = Math.max(state.highestRank, rank);
}
