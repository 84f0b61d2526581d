import {
  ALL_SLICE,
  dayOf,
  type Placement,
  sliceOf,
  type SummaryAlgebra,
} from '../shared/day-summaries';
import { LIFECYCLE_LADDER, ladderRankOf } from '../shared/ladder';
import { type FunnelContact, type FunnelFold, isRegistered } from './funnel-contact';

/**
 * What a set of contacts adds to the funnel: counts per ladder rank, and per rank the seconds of
 * each contact's finished stays, kept whole so the median stays exact (nearest rank).
 */
export interface FunnelSummary {
  total: number;
  other: number;
  current: number[];
  reached: number[];
  stays: number[][];
}

/** The filters a summary slice can stand for; two or more together are read from the contacts. */
export const FUNNEL_SLICE_FILTERS = ['campaignId', 'ownerId', 'source'] as const;

const RANKS = LIFECYCLE_LADDER.length;

export const funnelAlgebra: SummaryAlgebra<FunnelSummary> = {
  empty: () => ({
    total: 0,
    other: 0,
    current: new Array<number>(RANKS).fill(0),
    reached: new Array<number>(RANKS).fill(0),
    stays: Array.from({ length: RANKS }, () => []),
  }),
  add(into, contribution, sign) {
    into.total += sign * contribution.total;
    into.other += sign * contribution.other;
    for (let rank = 0; rank < RANKS; rank++) {
      into.current[rank]! += sign * contribution.current[rank]!;
      into.reached[rank]! += sign * contribution.reached[rank]!;
      const stays = into.stays[rank]!;
      for (const seconds of contribution.stays[rank]!) {
        if (sign === 1) stays.push(seconds);
        else removeOne(stays, seconds);
      }
    }
  },
  isEmpty: (summary) => summary.total === 0,
};

/** One contact's contribution; a merged-away contact belongs to no cohort. */
export function funnelContribution(contact: FunnelContact): FunnelSummary | undefined {
  if (contact.mergedInto !== undefined) return undefined;
  const summary = funnelAlgebra.empty();
  summary.total = 1;
  const rank = ladderRankOf(contact.stage);
  if (rank >= 0) summary.current[rank] = 1;
  else if (contact.stage === 'other') summary.other = 1;
  // reached(S) counts every stage up to the highest: skipped stages count as passed.
  for (let passed = 0; passed <= contact.highestRank; passed++) summary.reached[passed] = 1;
  for (const [stage, seconds] of Object.entries(contact.secondsInStage)) {
    summary.stays[ladderRankOf(stage)]?.push(seconds);
  }
  return summary;
}

/** Where a contact counts: its registration day, in the all-contacts slice and one per filter. */
export function funnelPlacement(
  contact: FunnelFold | undefined,
): Placement<FunnelSummary> | undefined {
  // A contact whose registration is not known yet counts nowhere.
  if (!isRegistered(contact)) return undefined;
  const contribution = funnelContribution(contact);
  if (!contribution) return undefined;
  const slices = [ALL_SLICE];
  for (const filter of FUNNEL_SLICE_FILTERS) {
    const value = contact[filter];
    if (value !== undefined) slices.push(sliceOf(filter, value));
  }
  return { day: dayOf(contact.registeredAt), slices, contribution };
}

function removeOne(values: number[], value: number): void {
  const index = values.indexOf(value);
  if (index >= 0) values.splice(index, 1);
}
