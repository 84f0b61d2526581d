/** DOMAIN's classification of customers, as the 360 names it. */
export const CUSTOMER_SEGMENTS = ['vip', 'regular', 'potential', 'at_risk'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** A customer whose last purchase is older than this is at risk of being lost. */
export const AT_RISK_AFTER_DAYS = 180;
/** Lifetime spend (order totals summed as recorded, any currency) that makes a customer a VIP. */
export const VIP_MIN_TOTAL = 10_000;
/** …or this many orders. */
export const VIP_MIN_ORDERS = 10;

const DAY_MS = 86_400_000;

/**
 * The segment from purchases alone, as of `now`, checked in this order: no order yet →
 * `potential`; last purchase more than AT_RISK_AFTER_DAYS days before `now` → `at_risk` (a lapsed
 * VIP is at risk first); total ≥ VIP_MIN_TOTAL or orders ≥ VIP_MIN_ORDERS → `vip`; else `regular`.
 * Computed at answer time because recency depends on the clock, not on any event.
 */
export function customerSegment(
  purchases: { orders: number; total: number; lastPurchaseAt: string | null },
  now: Date,
): CustomerSegment {
  if (purchases.orders === 0 || purchases.lastPurchaseAt === null) return 'potential';
  const idleDays = (now.getTime() - Date.parse(purchases.lastPurchaseAt)) / DAY_MS;
  if (idleDays > AT_RISK_AFTER_DAYS) return 'at_risk';
  if (purchases.total >= VIP_MIN_TOTAL || purchases.orders >= VIP_MIN_ORDERS) return 'vip';
  return 'regular';
}
