/** The attribution models the campaigns view knows; `first_touch` is the default (v1's rule). */
export const ATTRIBUTION_MODELS = [
  'first_touch',
  'last_touch',
  'linear',
  'u_shaped',
  'time_decay',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** One campaign contact of a contact: a registration naming a campaign, or a touch. */
export interface TouchPoint {
  campaignId: string;
  /** Business time, UTC ISO. */
  occurredAt: string;
}

/** What a model needs besides the touches. */
export interface AttributionSettings {
  model: AttributionModel;
  /** The half-life of `time_decay`, in days. */
  halfLifeDays: number;
}

const DAY_MILLIS = 86_400_000;

/**
 * Each touch's weight under `model`, for touches in business-time order (ties by position);
 * the weights sum to 1 (up to float rounding) whenever there is a touch. `customerAt` is the
 * contact's first entry into `customer`, the moment `time_decay` measures towards (else the last
 * touch's time).
 */
export function touchWeights(
  touches: readonly TouchPoint[],
  settings: AttributionSettings,
  customerAt: string | undefined,
): number[] {
  const n = touches.length;
  if (n === 0) return [];
  switch (settings.model) {
    case 'first_touch':
      return touches.map((_, index) => (index === 0 ? 1 : 0));
    case 'last_touch':
      return touches.map((_, index) => (index === n - 1 ? 1 : 0));
    case 'linear':
      return touches.map(() => 1 / n);
    case 'u_shaped':
      return uShapedWeights(n);
    case 'time_decay':
      return timeDecayWeights(touches, settings.halfLifeDays, customerAt);
  }
}

function uShapedWeights(n: number): number[] {
  if (n === 1) return [1];
  if (n === 2) return [0.5, 0.5];
  const middle = 0.2 / (n - 2);
  return Array.from({ length: n }, (_, index) => (index === 0 || index === n - 1 ? 0.4 : middle));
}

function timeDecayWeights(
  touches: readonly TouchPoint[],
  halfLifeDays: number,
  customerAt: string | undefined,
): number[] {
  const until = Date.parse(customerAt ?? touches[touches.length - 1]!.occurredAt);
  const ages = touches.map((touch) =>
    Math.max(0, (until - Date.parse(touch.occurredAt)) / DAY_MILLIS),
  );
  // Measured from the youngest touch, whose weight is then exactly 1: old touches underflow to 0
  // instead of every weight, which would leave nothing to normalise.
  const youngest = ages.reduce((least, age) => Math.min(least, age), Infinity);
  const raw = ages.map((age) => 2 ** (-(age - youngest) / halfLifeDays));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  return raw.map((weight) => weight / total);
}

/** Each campaign's credit for one contact: the sum of its touches' weights. */
export function campaignCredits(
  touches: readonly TouchPoint[],
  settings: AttributionSettings,
  customerAt: string | undefined,
): Map<string, number> {
  const weights = touchWeights(touches, settings, customerAt);
  const credits = new Map<string, number>();
  touches.forEach((touch, index) => {
    credits.set(touch.campaignId, (credits.get(touch.campaignId) ?? 0) + weights[index]!);
  });
  for (const [campaignId, credit] of credits) if (credit === 0) credits.delete(campaignId);
  return credits;
}

/**
 * Credit sums as the view answers them: rounded to 1e-9, so float noise from adding fractions
 * (0.2 + 0.4 + 0.4) never shows, and an integer stays an integer.
 */
export function roundCredit(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
