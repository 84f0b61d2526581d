import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { FUNNEL_EVENT_TYPES, funnelContactIdOf, type FunnelFold } from './funnel-contact';
import { type FunnelHistory, withFunnelEvent } from './funnel-history';
import { funnelAlgebra, funnelPlacement } from './funnel-summary';

/** Logical collection of the funnel: one FunnelContact per contact. */
export const FUNNEL_CONTACTS = 'contacts';
/** Logical collection of the funnel's day summaries (see shared/day-summaries). */
export const FUNNEL_DAYS = 'days';
/** Logical collection of the contacts' facts in business-time order (FunnelHistory). */
export const FUNNEL_HISTORIES = 'histories';

/**
 * `lifecycle-funnel`: one document per contact (see FunnelContact), and per registration day a
 * summary of that day's contacts, overall and per campaign, owner and source (FunnelSummary), so
 * a cohort is read from at most one summary per day plus the contacts of its partial edge days.
 * Two or more filters together are read from the contacts: each filter has a compound index that
 * ends in `registeredAt`, and such cohorts are small.
 *
 * Each contact's facts are kept in business-time order (FunnelHistory), and the contact is their
 * business-time fold whatever order they were recorded in, so a `validAt` answer folds the same
 * facts up to that moment with the same fold. A contact whose registration is not known yet (a
 * fact dated before it, recorded first) is stored as a prelude without `registeredAt`, which no
 * cohort holds.
 *
 * Version 2 added the day summaries; version 3 the histories, and the fold in business-time order.
 */
export const lifecycleFunnelProjection: Projection = {
  name: 'lifecycle-funnel',
  version: 3,
  collections: [FUNNEL_CONTACTS, FUNNEL_DAYS, FUNNEL_HISTORIES],
  indexes: [
    { collection: FUNNEL_CONTACTS, fields: ['registeredAt'] },
    { collection: FUNNEL_CONTACTS, fields: ['campaignId', 'registeredAt'] },
    { collection: FUNNEL_CONTACTS, fields: ['ownerId', 'registeredAt'] },
    { collection: FUNNEL_CONTACTS, fields: ['source', 'registeredAt'] },
    { collection: FUNNEL_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
    { collection: FUNNEL_HISTORIES, fields: ['registeredAt'] },
    { collection: FUNNEL_HISTORIES, fields: ['source', 'registeredAt'] },
  ],
  filter: { eventTypePrefixes: [...FUNNEL_EVENT_TYPES] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const contactId = funnelContactIdOf(event);
    if (contactId === undefined) return;
    const before = (await work.get(FUNNEL_CONTACTS, contactId)) as FunnelFold | undefined;
    const history = (await work.get(FUNNEL_HISTORIES, contactId)) as FunnelHistory | undefined;
    const change = withFunnelEvent(before, history, contactId, event);
    if (!change) return;
    work.put(FUNNEL_HISTORIES, change.history);
    if (!change.contactChanged || !change.contact) return;
    work.put(FUNNEL_CONTACTS, change.contact);
    const move = [funnelPlacement(before), funnelPlacement(change.contact)] as const;
    await moveContribution(work, FUNNEL_DAYS, funnelAlgebra, ...move);
  },
};
