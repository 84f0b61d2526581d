import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import {
  asFunnelContact,
  evolveFunnelContact,
  FUNNEL_EVENT_TYPES,
  funnelContactIdOf,
} from './funnel-contact';

/** Logical collection of the funnel: one FunnelContact per contact. */
export const FUNNEL_CONTACTS = 'contacts';

/**
 * `lifecycle-funnel`: one document per contact (see FunnelContact). The cohort is chosen by
 * `registeredAt`, alone or after an equality filter, so each filter has a compound index that
 * ends in `registeredAt`; the aggregates are computed at query time in one pass, because the
 * filters and the window combine too freely for maintained counters.
 */
export const lifecycleFunnelProjection: Projection = {
  name: 'lifecycle-funnel',
  version: 1,
  collections: [FUNNEL_CONTACTS],
  indexes: [
    { collection: FUNNEL_CONTACTS, fields: ['registeredAt'] },
    { collection: FUNNEL_CONTACTS, fields: ['campaignId', 'registeredAt'] },
    { collection: FUNNEL_CONTACTS, fields: ['ownerId', 'registeredAt'] },
    { collection: FUNNEL_CONTACTS, fields: ['source', 'registeredAt'] },
  ],
  filter: { eventTypePrefixes: [...FUNNEL_EVENT_TYPES] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const contactId = funnelContactIdOf(event);
    if (contactId === undefined) return;
    const stored = await work.get(FUNNEL_CONTACTS, contactId);
    const before = stored && asFunnelContact(stored);
    const after = evolveFunnelContact(before, event);
    if (after && after !== before) work.put(FUNNEL_CONTACTS, after);
  },
};
