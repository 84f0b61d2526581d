import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import { daysAfterOrigin, dealHistory } from './deal-events';

const DEALS = 6;
const deal = fc.integer({ min: 0, max: DEALS - 1 });
// Quarter days over about two weeks: small enough that events often share a business time.
const day = fc.integer({ min: 0, max: 60 }).map((quarters) => quarters / 4);
const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const probability = maybe([0.1, 0.35, 0.7]);
const closeDate = maybe(['2024-03-10', '2024-03-31T23:30:00-02:00', '2024-04-15', '2024-05-01']);

type Step =
  | {
      kind: 'open';
      deal: number;
      day: number;
      owner: string;
      team?: string;
      channel: string;
      product?: string;
      amount: number;
      probability?: number;
      closeDate?: string;
    }
  | {
      kind: 'advance';
      deal: number;
      day: number;
      stage: string;
      probability?: number;
      closeDate?: string;
    }
  | { kind: 'won'; deal: number; day: number; amount?: number }
  | { kind: 'lost'; deal: number; day: number };

const opening = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('open' as const),
    deal: fc.constant(index),
    day,
    owner: fc.constantFrom('o0', 'o1'),
    team: maybe(['t0', 't1']),
    channel: fc.constantFrom('online', 'partner'),
    product: maybe(['p0', 'p1']),
    amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
    probability,
    closeDate,
  });
const change: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('advance' as const),
    deal,
    day,
    stage: fc.constantFrom('proposal', 'negotiation'),
    probability,
    closeDate,
  }),
  fc.record({
    kind: fc.constant('won' as const),
    deal,
    day,
    amount: fc.option(fc.integer({ min: 1, max: 9_999 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('lost' as const), deal, day }),
);

/**
 * Deal histories recorded in any order, whatever their business times: a change may be recorded
 * before its deal's opening, a win before an earlier stage change (a backfill), a loss after a
 * win. Every deal opens once; business times are quarter days after the tests' origin.
 */
export const backfilledDealHistories: fc.Arbitrary<RecordedEvent[]> = fc
  .tuple(
    fc.tuple(...Array.from({ length: DEALS }, (_, index) => opening(index))),
    fc.array(change, { minLength: 3, maxLength: 25 }),
  )
  .chain(([openings, changes]) =>
    fc.shuffledSubarray([...openings, ...changes], { minLength: openings.length + changes.length }),
  )
  .map(eventsOf);

/** A business moment to ask about: before, between and after the histories' times. */
export const businessMoment = fc
  .integer({ min: -4, max: 64 })
  .map((quarters) => daysAfterOrigin(quarters / 4));

function eventsOf(steps: Step[]): RecordedEvent[] {
  const history = dealHistory();
  for (const step of steps) {
    const id = `D${step.deal}`;
    if (step.kind === 'open') {
      history.event('DealOpened', id, step.day, {
        name: `Deal ${id}`,
        amount: step.amount,
        currency: 'EUR',
        stage: 'qualification',
        channel: step.channel,
        ownerId: step.owner,
        ...(step.team !== undefined && { teamId: step.team }),
        ...(step.product !== undefined && { product: step.product }),
        ...(step.probability !== undefined && { probability: step.probability }),
        ...(step.closeDate !== undefined && { expectedCloseDate: step.closeDate }),
      });
    } else if (step.kind === 'advance') {
      history.event('DealStageAdvanced', id, step.day, {
        stage: step.stage,
        ...(step.probability !== undefined && { probability: step.probability }),
        ...(step.closeDate !== undefined && { expectedCloseDate: step.closeDate }),
      });
    } else if (step.kind === 'won') {
      history.event('DealWon', id, step.day, {
        ...(step.amount !== undefined && { amount: step.amount }),
      });
    } else {
      history.event('DealLost', id, step.day, { reason: 'budget' });
    }
  }
  return history.events;
}
