import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { FUNNEL_CONTACTS, FUNNEL_DAYS, lifecycleFunnelProjection } from './funnel-projection';
import { queryLifecycleFunnel, queryLifecycleFunnelByContacts } from './query-funnel';
import { filters, history, toEvents } from './testing/funnel-histories';

describe('the funnel day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(async () => {
    await readStore.close();
  });

  it('answer every window and filter exactly as the contacts themselves, across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.integer({ min: 1, max: 40 }),
        fc.array(filters, { minLength: 1, maxLength: 6 }),
        async (steps, batchSize, askedFilters) => {
          await readStore.dropByPrefix('lifecycle-funnel.');
          const events = toEvents(steps);
          let model = await projectEvents(readStore, lifecycleFunnelProjection, []);
          for (let start = 0; start < events.length; start += batchSize) {
            const batch = events.slice(start, start + batchSize);
            model = await projectEvents(readStore, lifecycleFunnelProjection, batch);
          }
          const contacts = model.collection(FUNNEL_CONTACTS);
          for (const asked of askedFilters) {
            const window =
              asked.from && asked.to && asked.from > asked.to
                ? { ...asked, to: asked.from }
                : asked;
            expect(await queryLifecycleFunnel(readStore, contacts, window, '1')).toEqual(
              await queryLifecycleFunnelByContacts(readStore, contacts, window, '1'),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a generation filled before the summaries existed from its contacts', async () => {
    const { event } = recordedEvents();
    const registered = (contactId: string, at: string) =>
      event({ type: 'ContactRegistered', at, data: { contactId, lifecycleStage: 'lead' } });
    const model = await projectEvents(readStore, lifecycleFunnelProjection, [
      registered('early', '2025-03-01T08:00:00.000Z'),
      registered('late', '2025-03-02T08:00:00.000Z'),
    ]);
    // What a version-1 generation holds: the contacts and no day summaries.
    await readStore.dropByPrefix(model.collection(FUNNEL_DAYS));
    const contacts = model.collection(FUNNEL_CONTACTS);
    const view = await queryLifecycleFunnel(
      readStore,
      contacts,
      { from: '2025-03-01T00:00:00.000Z' },
      '2',
    );
    expect(view.total).toBe(2);
  });
});
