import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import { LIFECYCLE_LADDER } from '../../shared/ladder';
import { windowAndFilters } from '../../shared/testing/query-arbitraries';
import { recordedEvents } from '../../shared/testing/recorded-event';
import type { FunnelFilters } from '../query-funnel';

/**
 * Random funnel histories for the properties: six contacts c0…c5 that each register, and stage
 * changes, owner assignments, campaign touches and merges among them, all at whole hours over a
 * few days, recorded in a random order (so many are backfills, and many share a business time).
 */

export const HOUR_MS = 3_600_000;
export const START_MS = Date.parse('2025-03-01T00:00:00Z');
const STAGES = [...LIFECYCLE_LADDER, 'other'];

/** One step of a random history over contacts c0…c5, at hours after START. */
type Step =
  | {
      kind: 'register';
      contact: number;
      hour: number;
      stage: string;
      owner: number;
      source: number;
      campaign: number | undefined;
    }
  | { kind: 'stage'; contact: number; hour: number; stage: string }
  | { kind: 'owner'; contact: number; hour: number; owner: number }
  | { kind: 'touch'; contact: number; hour: number; campaign: number }
  | { kind: 'merge'; contact: number; hour: number; into: number };

const contact = fc.integer({ min: 0, max: 5 });
const hour = fc.integer({ min: 0, max: 24 * 5 });
const registration = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('register' as const),
    contact: fc.constant(index),
    hour,
    stage: fc.constantFrom(...STAGES),
    owner: fc.integer({ min: 0, max: 2 }),
    source: fc.integer({ min: 0, max: 1 }),
    campaign: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  });
const change: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('stage' as const),
    contact,
    hour,
    stage: fc.constantFrom(...STAGES),
  }),
  fc.record({
    kind: fc.constant('stage' as const),
    contact,
    hour,
    stage: fc.constantFrom(...STAGES),
  }),
  fc.record({
    kind: fc.constant('owner' as const),
    contact,
    hour,
    owner: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('touch' as const),
    contact,
    hour,
    campaign: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ kind: fc.constant('merge' as const), contact, hour, into: contact }),
);
/** Every contact registers (in a random order, at random times), then changes come. */
export const history: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.tuple(...[0, 1, 2, 3, 4, 5].map(registration)),
    fc.array(change, { minLength: 5, maxLength: 40 }),
  )
  .chain(([registrations, changes]) =>
    fc.shuffledSubarray([...registrations, ...changes], {
      minLength: registrations.length + changes.length,
    }),
  );

export function toEvents(steps: readonly Step[]): RecordedEvent[] {
  const { event } = recordedEvents();
  const at = (h: number) => new Date(START_MS + h * HOUR_MS).toISOString();
  return steps.map((s) => {
    const contactId = `c${s.contact}`;
    switch (s.kind) {
      case 'register':
        return event({
          type: 'ContactRegistered',
          at: at(s.hour),
          data: {
            contactId,
            lifecycleStage: s.stage,
            ownerId: `o${s.owner}`,
            source: `s${s.source}`,
            ...(s.campaign !== undefined && { campaignId: `k${s.campaign}` }),
          },
        });
      case 'stage':
        return event({
          type: 'LifecycleStageChanged',
          at: at(s.hour),
          data: { contactId, to: s.stage },
        });
      case 'owner':
        return event({
          type: 'ContactOwnerAssigned',
          at: at(s.hour),
          data: { contactId, ownerId: `o${s.owner}` },
        });
      case 'touch':
        return event({
          type: 'CampaignTouchRecorded',
          at: at(s.hour),
          data: { contactId, campaignId: `k${s.campaign}`, kind: 'sent' },
        });
      case 'merge':
        return event({
          type: 'ContactsMerged',
          at: at(s.hour),
          data: { contactId, survivorContactId: `c${s.into}`, duplicateContactId: contactId },
        });
    }
  });
}

const bound = fc.option(
  fc.integer({ min: -24, max: 24 * 6 }).map((h) => new Date(START_MS + h * HOUR_MS).toISOString()),
  {
    nil: undefined,
  },
);
const filter = fc.oneof(
  fc.record({ campaignId: fc.constantFrom('k0', 'k1') }),
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ source: fc.constantFrom('s0', 's1') }),
);
export const filters: fc.Arbitrary<FunnelFilters> = windowAndFilters(bound, filter, {
  orderedWindow: false,
});
