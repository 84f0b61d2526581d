import type { ReadStore } from '@chronicle/read-store';
import { planEntityScan } from '../shared/entity-scan';
import type { FunnelContact } from './funnel-contact';
import { funnelContactAsOf } from './funnel-document';
import { funnelAlgebra, funnelContribution } from './funnel-summary';
import { type FunnelFilters, funnelView, type LifecycleFunnelView } from './query-funnel';

/**
 * `GET /views/lifecycle-funnel?validAt`: the funnel as it stood at that business moment. Every
 * contact registered in [from, to) and by `validAt` is folded from its facts up to `validAt` with
 * the live fold, the filters are tested on that folded contact (its owner and first touch as
 * known then), and the cohort adds up as the live view's does: current and reached stages at
 * `validAt`, stays finished by then, merges made by then. Day summaries hold the live answer
 * only, so this reads the cohort's contacts.
 */
export async function queryLifecycleFunnelAsOf(
  readStore: ReadStore,
  contacts: string,
  filters: FunnelFilters,
  validAt: string,
  position: string,
): Promise<LifecycleFunnelView> {
  // A contact has one registration, its first fact by business time, so the stored registeredAt
  // and source are those of any moment it is registered at; owner, campaign and merge change
  // over time and are tested after the fold.
  const registeredBy = new Date(Date.parse(validAt) + 1).toISOString();
  const to = filters.to !== undefined && filters.to < registeredBy ? filters.to : registeredBy;
  const scan = planEntityScan('registeredAt', { from: filters.from, to }, [
    ['source', filters.source],
  ]);
  const summary = funnelAlgebra.empty();
  for (const document of await readStore.find(contacts, scan.query)) {
    const contact = funnelContactAsOf(document, validAt);
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
