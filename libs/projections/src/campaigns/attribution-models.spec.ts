import fc from 'fast-check';
import {
  ATTRIBUTION_MODELS,
  type AttributionModel,
  campaignCredits,
  roundCredit,
  type TouchPoint,
  touchWeights,
} from './attribution-models';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString();
const touches = (...campaigns: string[]): TouchPoint[] =>
  campaigns.map((campaignId, index) => ({ campaignId, occurredAt: day(index) }));
const weights = (model: AttributionModel, points: TouchPoint[], customerAt?: string) =>
  touchWeights(points, { model, halfLifeDays: 7 }, customerAt);
const credits = (model: AttributionModel, points: TouchPoint[], customerAt?: string) =>
  Object.fromEntries(campaignCredits(points, { model, halfLifeDays: 7 }, customerAt));

describe('the attribution models', () => {
  it('gives first and last touch all the weight', () => {
    expect(weights('first_touch', touches('A', 'B', 'C'))).toEqual([1, 0, 0]);
    expect(weights('last_touch', touches('A', 'B', 'C'))).toEqual([0, 0, 1]);
    expect(credits('first_touch', touches('A', 'B', 'A'))).toEqual({ A: 1 });
    expect(credits('last_touch', touches('A', 'B', 'C'))).toEqual({ C: 1 });
  });

  it('shares linear credit equally among the n touches', () => {
    expect(weights('linear', touches('A'))).toEqual([1]);
    expect(weights('linear', touches('A', 'B'))).toEqual([0.5, 0.5]);
    expect(weights('linear', touches('A', 'B', 'C'))).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(weights('linear', touches('A', 'B', 'C', 'D'))).toEqual([0.25, 0.25, 0.25, 0.25]);
    // A campaign touching twice takes both touches' weight: A 1/4 + 1/4.
    expect(credits('linear', touches('A', 'B', 'A', 'C'))).toEqual({ A: 0.5, B: 0.25, C: 0.25 });
  });

  it('gives u-shaped 0.4 to the first and last and shares 0.2 among the others', () => {
    expect(weights('u_shaped', touches('A'))).toEqual([1]);
    expect(weights('u_shaped', touches('A', 'B'))).toEqual([0.5, 0.5]);
    expect(weights('u_shaped', touches('A', 'B', 'C'))).toEqual([0.4, 0.2, 0.4]);
    expect(weights('u_shaped', touches('A', 'B', 'C', 'D'))).toEqual([0.4, 0.1, 0.1, 0.4]);
    // A first and again in the middle: 0.4 + 0.1; D last: 0.4; B in the middle 0.1.
    expect(credits('u_shaped', touches('A', 'B', 'A', 'D'))).toEqual({ A: 0.5, B: 0.1, D: 0.4 });
  });

  it('halves a time-decay weight every half-life before the first entry into customer', () => {
    // Touches on days 0, 7 and 14, customer on day 14, half-life 7 days: Δ = 14, 7 and 0 days,
    // raw weights 1/4, 1/2 and 1, sum 7/4, so 1/7, 2/7 and 4/7.
    const points = [
      { campaignId: 'A', occurredAt: day(0) },
      { campaignId: 'B', occurredAt: day(7) },
      { campaignId: 'C', occurredAt: day(14) },
    ];
    expect(weights('time_decay', points, day(14))).toEqual([1 / 7, 2 / 7, 4 / 7]);
    // Not a customer: Δ runs to the last touch (day 14), the same weights.
    expect(weights('time_decay', points, undefined)).toEqual([1 / 7, 2 / 7, 4 / 7]);
    // Customer on day 7: Δ = 7, 0 and max(0, −7) = 0: raw 1/2, 1, 1, sum 5/2.
    expect(weights('time_decay', points, day(7))).toEqual([0.2, 0.4, 0.4]);
    // Fractional days count: 12 hours before the last touch at half-life 7 days.
    const halfDay = [
      { campaignId: 'A', occurredAt: '2025-01-01T00:00:00.000Z' },
      { campaignId: 'B', occurredAt: '2025-01-01T12:00:00.000Z' },
    ];
    const older = 2 ** (-0.5 / 7);
    expect(weights('time_decay', halfDay)).toEqual([older / (older + 1), 1 / (older + 1)]);
  });

  it('keeps time decay finite when old touches underflow', () => {
    const points = [
      { campaignId: 'A', occurredAt: '1900-01-01T00:00:00.000Z' },
      { campaignId: 'B', occurredAt: '2025-01-01T00:00:00.000Z' },
    ];
    expect(touchWeights(points, { model: 'time_decay', halfLifeDays: 0.001 }, undefined)).toEqual([
      0, 1,
    ]);
  });

  it('rounds credit sums to 1e-9 so float noise never shows', () => {
    const tenTenths = Array.from({ length: 10 }, () => 0.1).reduce((sum, x) => sum + x, 0);
    expect(tenTenths).not.toBe(1);
    expect(roundCredit(tenTenths)).toBe(1);
    expect(roundCredit(1 / 3)).toBe(0.333333333);
  });

  it("sums a contact's credits to 1 across campaigns under every model", () => {
    const point = fc.record({
      campaignId: fc.constantFrom('A', 'B', 'C', 'D'),
      occurredAt: fc
        .integer({ min: 0, max: 400 * 86_400 })
        .map((seconds) => new Date(Date.UTC(2025, 0, 1) + seconds * 1000).toISOString()),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...ATTRIBUTION_MODELS),
        fc.double({ min: 0.01, max: 3650, noNaN: true }),
        fc.option(point, { nil: undefined }),
        (drawn, model, halfLifeDays, customer) => {
          const points = [...drawn].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
          const shares = campaignCredits(points, { model, halfLifeDays }, customer?.occurredAt);
          const total = [...shares.values()].reduce((sum, credit) => sum + credit, 0);
          expect(total).toBeCloseTo(1, 9);
          for (const credit of shares.values()) expect(credit).toBeGreaterThan(0);
        },
      ),
    );
  });
});
