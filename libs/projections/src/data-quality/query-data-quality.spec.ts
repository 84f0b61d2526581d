import type { ReadStore } from '@chronicle/read-store';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { type DataQualityReadModel, queryDataQuality } from './query-data-quality';
import { projectQuality, qualityHistory } from './testing/quality-events';
import { at, nineContacts } from './testing/nine-contacts';

const NOW = at('06-30', '12:00:00');

describe('GET /views/data-quality', () => {
  let readStore: ReadStore;
  let model: DataQualityReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    const history = await nineContacts();
    model = await projectQuality(readStore, history.cipher, history.events);
  });

  afterEach(() => readStore.close());

  it('counts live contacts, what they miss, open suspicions, stale, erased and merged', async () => {
    expect(await queryDataQuality(model, 30, NOW)).toEqual({
      contacts: 5, // A, B, C, D, I
      missing: {
        name: 1, // C
        email: 2, // C's is blank, D's was cleared
        phone: 2, // B, D
        owner: 1, // B
      },
      // E–A (E erased since) and F–D (F merged into A, not D); G–A was settled by their merge.
      duplicatesSuspected: { open: 2, contacts: 2 }, // A and D are live
      // Cut-off 05-31 noon: B (05-31 06:00) and D (02-02); C's ticket came after the cut-off,
      // and I's latest activity is H's deal of 06-15: H's streams are I's since the merge.
      stale: 2,
      erased: 1, // E
      merged: 3, // F, G, H
      position: '26',
    });
  });

  it('judges staleness by the days asked', async () => {
    expect((await queryDataQuality(model, 365, NOW)).stale).toBe(0);
    // A day before noon on 06-30: even A (last merged into on 06-21) is stale.
    expect((await queryDataQuality(model, 1, NOW)).stale).toBe(5);
    // Cut-off 05-31 noon: B (05-31 06:00) and D are before it, C (18:00 that day) is not.
    expect((await queryDataQuality(model, 1, at('06-01', '12:00:00'))).stale).toBe(2);
  });

  it('answers zeros before any contact', async () => {
    await readStore.dropByPrefix('data-quality.');
    const empty = await projectQuality(readStore, qualityHistory().cipher, []);
    expect(await queryDataQuality(empty, 365, NOW)).toEqual({
      contacts: 0,
      missing: { name: 0, email: 0, phone: 0, owner: 0 },
      duplicatesSuspected: { open: 0, contacts: 0 },
      stale: 0,
      erased: 0,
      merged: 0,
      position: '0',
    });
  });
});
