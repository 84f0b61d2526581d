import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { stringField } from '../shared/event-fields';
import { evolveDealDocument, openedDeal, type DealDocument } from './deal-document';

/** Logical collection: one document per deal, keyed by dealId. */
export const PIPELINE_DEALS = 'deals';

/**
 * Feeds `GET /views/pipeline`. Each deal document carries its cohort key (`openedAt`), its filter
 * keys, its current stage, probability and amount, and its time to close, fixed when it closes;
 * the view is one indexed range `find` plus a single pass that groups open deals by stage and
 * sums the closed ones. Counters kept per stage could not honour the free `from`/`to` window.
 *
 * Indexes: the cohort range alone, and each equality filter followed by the range.
 */
export const pipelineProjection: Projection = {
  name: 'pipeline',
  version: 1,
  collections: [PIPELINE_DEALS],
  indexes: [
    { collection: PIPELINE_DEALS, fields: ['openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['ownerId', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['teamId', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['channel', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['product', 'openedAt'] },
  ],
  filter: { eventTypePrefixes: ['Deal'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const dealId = stringField(event.data, 'dealId');
    if (dealId === undefined) return;
    const existing = (await work.get(PIPELINE_DEALS, dealId)) as DealDocument | undefined;
    if (event.type === 'DealOpened') {
      // A repeated OpenDeal appends nothing; a second DealOpened would not reset the deal.
      const opened = existing ? undefined : openedDeal(event);
      if (opened) work.put(PIPELINE_DEALS, opened);
      return;
    }
    if (!existing) return;
    const next = evolveDealDocument(existing, event);
    if (next !== existing) work.put(PIPELINE_DEALS, next);
  },
};
