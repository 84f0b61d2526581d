import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { queryDataQuality, queryDataQualityByContacts } from './query-data-quality';
import { projectQuality } from './testing/quality-events';
import { askedAt, historyOf, step } from './testing/quality-steps';

describe('the data-quality day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('answer every time and staleDays exactly as the contacts themselves, across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.record({ at: askedAt, staleDays: fc.integer({ min: 1, max: 6 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (steps, batchSize, asked) => {
          await readStore.dropByPrefix('data-quality.');
          const history = await historyOf(steps);
          let model = await projectQuality(readStore, history.cipher, []);
          for (let start = 0; start < history.events.length; start += batchSize) {
            const batch = history.events.slice(start, start + batchSize);
            model = await projectQuality(readStore, history.cipher, batch);
          }
          for (const { at, staleDays } of asked) {
            expect(await queryDataQuality(model, staleDays, at)).toEqual(
              await queryDataQualityByContacts(model, staleDays, at),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
