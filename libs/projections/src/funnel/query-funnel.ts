import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import { LIFECYCLE_LADDER, ladderRankOf, type LadderStage } from '../shared/ladder';
import { nearestRankMedian, ratioOrNull } from '../shared/percentiles';
import { asFunnelContact, type FunnelContact } from './funnel-contact';

/** The funnel's cohort: registered in [from, to) by business time, narrowed by the filters. */
export interface FunnelFilters {
  from?: string;
  to?: string;
  /** The contact's first-touch campaign (the same attribution as the campaigns view). */
  campaignId?: string;
  /** The contact's current owner. */
  ownerId?: string;
  source?: string;
}

export interface FunnelStage {
  stage: LadderStage;
  current: number;
  reached: number;
  conversionToNext: number | null;
  medianSecondsInStage: number | null;
}

/** `GET /views/lifecycle-funnel` (CONTRACT §3). */
export interface LifecycleFunnelView {
  total: number;
  position: string;
  stages: FunnelStage[];
  other: number;
}

/**
 * Answers the funnel from the `lifecycle-funnel` projection's contacts collection (physical name
 * in `collection`): one indexed find for the cohort, then one pass. `position` is the
 * projection's checkpoint read before the find, so the answer is at least that fresh.
 */
export async function queryLifecycleFunnel(
  readStore: ReadStore,
  collection: string,
  filters: FunnelFilters,
  position: string,
): Promise<LifecycleFunnelView> {
  const documents = await readStore.find(collection, cohortQuery(filters));
  const cohort = documents.map(asFunnelContact);
  const current = LIFECYCLE_LADDER.map(() => 0);
  const reached = LIFECYCLE_LADDER.map(() => 0);
  const stays = LIFECYCLE_LADDER.map((): number[] => []);
  let other = 0;
  for (const contact of cohort) {
    const rank = ladderRankOf(contact.stage);
    if (rank >= 0) current[rank] = (current[rank] ?? 0) + 1;
    else if (contact.stage === 'other') other += 1;
    // reached(S) counts every stage up to the highest: skipped stages count as passed.
    for (let passed = 0; passed <= contact.highestRank; passed += 1) {
      reached[passed] = (reached[passed] ?? 0) + 1;
    }
    collectStays(contact, stays);
  }
  return {
    total: cohort.length,
    position,
    stages: LIFECYCLE_LADDER.map((stage, rank) => ({
      stage,
      current: current[rank] ?? 0,
      reached: reached[rank] ?? 0,
      // The last stage has no next one to convert to: null, like a zero divisor.
      conversionToNext:
        rank + 1 < LIFECYCLE_LADDER.length
          ? ratioOrNull(reached[rank + 1] ?? 0, reached[rank] ?? 0)
          : null,
      medianSecondsInStage: nearestRankMedian(stays[rank] ?? []),
    })),
    other,
  };
}

function cohortQuery({ from, to, campaignId, ownerId, source }: FunnelFilters): DocumentQuery {
  const registeredAt = {
    ...(from !== undefined && { $gte: from }),
    ...(to !== undefined && { $lt: to }),
  };
  return {
    ...(campaignId !== undefined && { campaignId }),
    ...(ownerId !== undefined && { ownerId }),
    ...(source !== undefined && { source }),
    ...(Object.keys(registeredAt).length > 0 && { registeredAt }),
    // Merged-away contacts leave the cohort: their survivor carries the person.
    mergedInto: { $exists: false },
  };
}

/** Time in a stage counts only for contacts that have left it, so ongoing stays do not drag it down. */
function collectStays(contact: FunnelContact, stays: number[][]): void {
  for (const [stage, seconds] of Object.entries(contact.secondsInStage)) {
    stays[ladderRankOf(stage)]?.push(seconds);
  }
}
