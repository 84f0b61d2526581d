import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { campaignsProjection } from './campaigns-projection';
import { campaignCollections } from './testing/campaign-collections';
import { queryCampaignChannels } from './query-campaign-channels';

// Six campaigns over two channels; starts collide on purpose (ties are ordered by id).
const CAMPAIGN_STARTS = ['01', '03', '03', '05', '07', '07'].map(
  (day) => `2025-01-${day}T00:00:00.000Z`,
);
const campaignIds = CAMPAIGN_STARTS.map((_, index) => `K${index}`);
const channelOf = (index: number) => (index % 3 === 0 ? 'social' : 'email');

const touches = fc.array(
  fc.record({
    contact: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    campaign: fc.integer({ min: 0, max: CAMPAIGN_STARTS.length - 1 }),
  }),
  { maxLength: 40 },
);
const bound = fc.option(
  fc.constantFrom(...CAMPAIGN_STARTS, '2025-01-02T00:00:00.000Z', '2025-02-01T00:00:00.000Z'),
  { nil: undefined },
);
const windows = fc.array(fc.record({ from: bound, to: bound }), { minLength: 1, maxLength: 5 });

function history(touched: Array<{ contact: string; campaign: number }>): RecordedEvent[] {
  const { event } = recordedEvents();
  const launches = CAMPAIGN_STARTS.map((startsAt, index) =>
    event({
      type: 'CampaignLaunched',
      at: startsAt,
      data: {
        campaignId: campaignIds[index]!,
        name: 'k',
        channel: channelOf(index),
        startsAt,
        budget: 10,
        currency: 'EUR',
      },
    }),
  );
  return [
    ...launches,
    ...touched.map(({ contact, campaign }) =>
      event({
        type: 'CampaignTouchRecorded',
        at: '2025-01-10T00:00:00Z',
        data: { contactId: contact, campaignId: campaignIds[campaign]!, kind: 'sent' },
      }),
    ),
  ];
}

/** Distinct contacts touched by the channel's campaigns that start in the window, counted plainly. */
function expectedReach(
  touched: Array<{ contact: string; campaign: number }>,
  window: { from?: string; to?: string },
): Map<string, number> {
  const inWindow = (index: number) =>
    (window.from === undefined || CAMPAIGN_STARTS[index]! >= window.from) &&
    (window.to === undefined || CAMPAIGN_STARTS[index]! < window.to);
  const contacts = new Map<string, Set<string>>();
  CAMPAIGN_STARTS.forEach((_, index) => {
    if (inWindow(index))
      contacts.set(channelOf(index), contacts.get(channelOf(index)) ?? new Set());
  });
  for (const { contact, campaign } of touched) {
    if (inWindow(campaign)) contacts.get(channelOf(campaign))!.add(contact);
  }
  return new Map([...contacts].map(([channel, set]) => [channel, set.size]));
}

describe('the channel reach', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('counts the distinct contacts of any window of campaigns, however touches arrive', async () => {
    await fc.assert(
      fc.asyncProperty(touches, windows, async (touched, asked) => {
        await readStore.dropByPrefix('campaigns.');
        const model = await projectEvents(readStore, campaignsProjection, history(touched));
        const collections = campaignCollections(model);
        for (const window of asked) {
          const view = await queryCampaignChannels(readStore, collections, window, model.position);
          const reached = new Map(view.channels.map(({ channel, reached: r }) => [channel, r]));
          expect(reached).toEqual(expectedReach(touched, window));
        }
      }),
      { numRuns: 100 },
    );
  });
});
