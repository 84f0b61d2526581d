import type { ReadStore } from '@chronicle/read-store';
import { siblingCollection } from '../shared/day-summaries';
import { planEntityScan } from '../shared/entity-scan';
import type { FunnelContact } from './funnel-contact';
import { funnelContactAsOf, type FunnelHistory, historiesRebuilding } from './funnel-history';
import { FUNNEL_HISTORIES } from './funnel-projection';
import { funnelAlgebra, funnelContribution } from './funnel-summary';
import { type FunnelFilters, funnelView, type LifecycleFunnelView } from './query-funnel';

/**
 * `GET /views/lifecycle-funnel?validAt`: the funnel as it stood at that business moment. Every
 * contact registered in [from, to) and by `validAt` is folded from its facts up to `validAt` with
 * the live fold, the filters are tested on that folded contact (its owner and first touch as
 * known then), and the cohort adds up as the live view's does: current and reached stages at
 * `validAt`, stays finished by then, merges made by then. Day summaries hold the live answer
 * only, so this reads the cohort's histories. `contacts` is the physical name of the generation's
 * contacts collection; the histories are its sibling.
 */
export async function queryLifecycleFunnelAsOf(
  readStore: ReadStore,
  contacts: string,
  filters: FunnelFilters,
  validAt: string,
  position: string,
): Promise<LifecycleFunnelView> {
  const histories = siblingCollection(contacts, FUNNEL_HISTORIES);
  // A contact is registered once, and the stored registeredAt and source are that registration's:
  // the same at every moment it is registered by. Owner, campaign and merge change over time and
  // are tested after the fold.
  const registeredBy = new Date(Date.parse(validAt) + 1).toISOString();
  const to = filters.to !== undefined && filters.to < registeredBy ? filters.to : registeredBy;
  const scan = planEntityScan('registeredAt', { from: filters.from, to }, [
    ['source', filters.source],
  ]);
  const found = (await readStore.find(histories, scan.query)) as FunnelHistory[];
  if (found.length === 0) await refuseWithoutHistories(readStore, contacts, histories);
  const summary = funnelAlgebra.empty();
  for (const history of found) {
    const contact = funnelContactAsOf(history, validAt);
    const contribution = contact && inCohort(contact, filters) && funnelContribution(contact);
    if (contribution) funnelAlgebra.add(summary, contribution, 1);
  }
  return funnelView(summary, position);
}

function inCohort(contact: FunnelContact, filters: FunnelFilters): boolean {
  const { from, to, campaignId, ownerId, source } = filters;
  return (
    (from === undefined || contact.registeredAt >= from) &&
    (to === undefined || contact.registeredAt < to) &&
    (campaignId === undefined || contact.campaignId === campaignId) &&
    (ownerId === undefined || contact.ownerId === ownerId) &&
    (source === undefined || contact.source === source)
  );
}

/**
 * A generation built before the funnel kept histories still serves while its successor builds:
 * it has contacts and no history, and an empty answer from it would be a wrong one.
 */
async function refuseWithoutHistories(
  readStore: ReadStore,
  contacts: string,
  histories: string,
): Promise<void> {
  const any = { limit: 1 };
  if ((await readStore.find(histories, {}, any)).length > 0) return;
  if ((await readStore.find(contacts, {}, any)).length > 0) throw historiesRebuilding();
}
