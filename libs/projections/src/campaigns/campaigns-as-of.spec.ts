import fc from 'fast-check';
import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { ATTRIBUTION_MODELS } from './attribution-models';
import type { AttributionQuestion } from './campaign-credits';
import { campaignsProjection } from './campaigns-projection';
import { queryCampaignChannels } from './query-campaign-channels';
import { queryCampaign, queryCampaigns } from './query-campaigns';
import { campaignCollections } from './testing/campaign-collections';

// Business times on a coarse grid (every 6 hours over ten days) so ties are common.
const hour = (h: number) => new Date(Date.UTC(2025, 0, 1) + h * 3_600_000).toISOString();
const moment = fc.integer({ min: 0, max: 40 }).map((step) => hour(step * 6));

const CAMPAIGNS = ['K0', 'K1', 'K2', 'K3'];
const STARTS = ['2025-01-01', '2025-01-03', '2025-01-03', '2025-01-06'].map(
  (day) => `${day}T00:00:00.000Z`,
);
const CHANNELS = ['email', 'social', 'email', 'email'];
const CONTACTS = ['a', 'b', 'c'];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'opportunity', 'customer', 'other'];

type Sketch = { type: string; at: string; data: JsonObject };

const campaign = fc.constantFrom(...CAMPAIGNS);
const contact = fc.constantFrom(...CONTACTS);

// Touches weigh most: they are what the models share out.
const touchSketches = fc
  .record({
    at: moment,
    contactId: contact,
    campaignId: campaign,
    kind: fc.constantFrom('sent', 'opened', 'clicked'),
  })
  .map(({ at, ...data }): Sketch[] => [{ type: 'CampaignTouchRecorded', at, data }]);

const contactSketches = fc.oneof(
  { arbitrary: touchSketches, weight: 5 },
  fc
    .record({
      at: moment,
      contactId: contact,
      campaignId: fc.option(campaign, { nil: undefined }),
      stage: fc.constantFrom(...STAGES),
    })
    .map(({ at, contactId, campaignId, stage }): Sketch[] => [
      {
        type: 'ContactRegistered',
        at,
        data: {
          contactId,
          lifecycleStage: stage,
          leadStatus: 'new',
          ...(campaignId && { campaignId }),
        },
      },
    ]),
  fc
    .record({ at: moment, contactId: contact, to: fc.constantFrom(...STAGES) })
    .map(({ at, contactId, to }): Sketch[] => [
      { type: 'LifecycleStageChanged', at, data: { contactId, from: 'lead', to } },
    ]),
  fc
    .record({ at: moment, duplicate: contact, survivor: contact })
    .map(({ at, duplicate, survivor }): Sketch[] =>
      [duplicate, survivor].map((contactId) => ({
        type: 'ContactsMerged',
        at,
        data: { contactId, survivorContactId: survivor, duplicateContactId: duplicate },
      })),
    ),
);

/** Each deal opened and won at most once, its events at any business times. */
const dealSketches = fc
  .array(
    fc.record({
      opened: fc.option(
        fc.record({ at: moment, campaignId: fc.option(campaign, { nil: undefined }) }),
        { nil: undefined },
      ),
      won: fc.option(fc.record({ at: moment, amount: fc.integer({ min: 0, max: 1000 }) }), {
        nil: undefined,
      }),
      contactId: contact,
    }),
    { maxLength: 4 },
  )
  .map((deals) =>
    deals.flatMap(({ opened, won, contactId }, index): Sketch[] => [
      ...(opened
        ? [
            {
              type: 'DealOpened',
              at: opened.at,
              data: {
                dealId: `D${index}`,
                contactId,
                amount: 1,
                ...(opened.campaignId && { campaignId: opened.campaignId }),
              },
            },
          ]
        : []),
      ...(won
        ? [
            {
              type: 'DealWon',
              at: won.at,
              data: { dealId: `D${index}`, contactId, amount: won.amount },
            },
          ]
        : []),
    ]),
  );

/** Launches (some campaigns never), a completion or two, at any business times. */
const campaignSketches = fc
  .tuple(
    fc.array(fc.option(moment, { nil: undefined }), { minLength: 4, maxLength: 4 }),
    fc.array(fc.option(moment, { nil: undefined }), { minLength: 4, maxLength: 4 }),
  )
  .map(([launches, completions]) =>
    CAMPAIGNS.flatMap((campaignId, index): Sketch[] => [
      ...(launches[index] !== undefined
        ? [
            {
              type: 'CampaignLaunched',
              at: launches[index],
              data: {
                campaignId,
                name: campaignId,
                channel: CHANNELS[index]!,
                startsAt: STARTS[index]!,
                budget: 100 * index,
                currency: 'EUR',
              },
            },
          ]
        : []),
      ...(completions[index] !== undefined
        ? [{ type: 'CampaignCompleted', at: completions[index], data: { campaignId } }]
        : []),
    ]),
  );

/** A history recorded in any order: every event may be a backfill of the ones before it. */
const histories = fc
  .tuple(
    campaignSketches,
    fc.array(contactSketches, { maxLength: 30, size: 'medium' }),
    dealSketches,
  )
  .chain(([campaigns, contacts, deals]) =>
    fc.shuffledSubarray([...campaigns, ...contacts.flat(), ...deals], {
      minLength: campaigns.length + contacts.flat().length + deals.length,
    }),
  )
  .map((sketches): RecordedEvent[] => {
    const { event } = recordedEvents();
    return sketches.map((sketch) => event(sketch));
  });

const bound = fc.option(fc.constantFrom(...STARTS, '2025-01-02T00:00:00.000Z'), { nil: undefined });
const questions = fc.record({ halfLifeDays: fc.constantFrom(0.5, 7, 30), from: bound, to: bound });

function withoutPosition<T extends { position: string }>(
  answer: T | undefined,
): Omit<T, 'position'> | undefined {
  if (answer === undefined) return undefined;
  const { position: _position, ...rest } = answer;
  return rest;
}

/** The business time of the event `index` picks (modulo the history's length). */
function occurredAtOfPick(events: readonly RecordedEvent[], index: number): string {
  const occurredAt = events[index % Math.max(1, events.length)]?.metadata.occurredAt;
  return typeof occurredAt === 'string' ? occurredAt : hour(0);
}

type Window = { from?: string; to?: string };

/** The three answers as of `validAt` from every event, and from a fresh projection of those known then. */
async function answersAsOf(
  everything: ReadStore,
  known: ReadStore,
  events: readonly RecordedEvent[],
  validAt: string,
  window: Window,
  halfLifeDays: number,
): Promise<Array<{ asOf: unknown; oracle: unknown }>> {
  await everything.dropByPrefix('campaigns.');
  await known.dropByPrefix('campaigns.');
  const all = await projectEvents(everything, campaignsProjection, events);
  const fresh = await projectEvents(known, campaignsProjection, eventsKnownAt(events, validAt));
  const sides = [
    { store: everything, collections: campaignCollections(all), position: all.position, validAt },
    { store: known, collections: campaignCollections(fresh), position: fresh.position },
  ];
  const pairs: Array<{ asOf: unknown; oracle: unknown }> = [];
  for (const model of ATTRIBUTION_MODELS) {
    const [asOf, oracle] = await Promise.all(
      sides.map(async ({ store, collections, position, validAt: moment }) => {
        const question: AttributionQuestion = {
          model,
          halfLifeDays,
          ...(moment !== undefined && { validAt: moment }),
        };
        const one = await Promise.all(
          CAMPAIGNS.map((id) => queryCampaign(store, collections, id, position, question)),
        );
        return [
          withoutPosition(await queryCampaigns(store, collections, window, position, question)),
          withoutPosition(
            await queryCampaignChannels(store, collections, window, position, question),
          ),
          one.map(withoutPosition),
        ];
      }),
    );
    pairs.push({ asOf, oracle });
  }
  return pairs;
}

describe('the campaigns view as of a business moment', () => {
  let everything: ReadStore;
  let known: ReadStore;

  beforeAll(async () => {
    everything = await openTestReadStore();
    known = await openTestReadStore();
  });
  afterAll(async () => {
    await everything.close();
    await known.close();
  });

  it('equals a fresh projection of only the events known by then, read live, under every model', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.array(fc.tuple(fc.oneof(moment, fc.nat()), questions), { minLength: 1, maxLength: 3 }),
        async (events, asked) => {
          for (const [drawn, { from, to, halfLifeDays }] of asked) {
            // A number picks an event's own business time, so the moment falls exactly on one.
            const validAt = typeof drawn === 'string' ? drawn : occurredAtOfPick(events, drawn);
            const window = { ...(from && { from }), ...(to && to >= (from ?? '') && { to }) };
            for (const { asOf, oracle } of await answersAsOf(
              everything,
              known,
              events,
              validAt,
              window,
              halfLifeDays,
            )) {
              expect(asOf).toEqual(oracle);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('places a contact touched before the launch, by business time, in its channel at the launch', async () => {
    // Recorded: E2 launched at hour 0, E1 at hour 60, then a's touch by E1 backfilled to hour 6
    // and its touch by E2 at hour 12. In business order the E1 touch comes before E1's launch. As
    // of hour 100 the e-mail channel reached one contact, a, through both campaigns.
    const { event } = recordedEvents();
    const launch = (campaignId: string, startsAt: string, at: string) =>
      event({
        type: 'CampaignLaunched',
        at,
        data: {
          campaignId,
          name: campaignId,
          channel: 'email',
          startsAt,
          budget: 0,
          currency: 'EUR',
        },
      });
    const touch = (campaignId: string, at: string) =>
      event({
        type: 'CampaignTouchRecorded',
        at,
        data: { contactId: 'a', campaignId, kind: 'sent' },
      });
    const events = [
      launch('E2', STARTS[1]!, hour(0)),
      launch('E1', STARTS[0]!, hour(60)),
      touch('E1', hour(6)),
      touch('E2', hour(12)),
    ];
    const answers = await answersAsOf(everything, known, events, hour(100), {}, 7);
    for (const { asOf, oracle } of answers) expect(asOf).toEqual(oracle);
    const [, channels] = answers[0]!.asOf as [unknown, { channels: Array<{ reached: number }> }];
    expect(channels.channels.map((channel) => channel.reached)).toEqual([1]);
  });
});
