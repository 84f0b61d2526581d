import { customerSegment } from './customer-segment';

describe('customerSegment', () => {
  const now = new Date('2025-07-01T00:00:00Z');
  const bought = (orders: number, total: number, lastPurchaseAt: string) => ({
    orders,
    total,
    lastPurchaseAt,
  });

  it('calls a contact without orders potential', () => {
    expect(customerSegment({ orders: 0, total: 0, lastPurchaseAt: null }, now)).toBe('potential');
  });

  it('calls a customer idle for more than 180 days at risk, even a big spender', () => {
    // 2025-01-01 → 2025-07-01 is 181 days.
    expect(customerSegment(bought(20, 50_000, '2025-01-01T00:00:00Z'), now)).toBe('at_risk');
    // Exactly 180 days (2025-01-02) is not yet past the limit.
    expect(customerSegment(bought(1, 10, '2025-01-02T00:00:00Z'), now)).toBe('regular');
  });

  it('calls a recent customer with 10,000 spent or 10 orders a VIP, others regular', () => {
    expect(customerSegment(bought(1, 10_000, '2025-06-01T00:00:00Z'), now)).toBe('vip');
    expect(customerSegment(bought(10, 100, '2025-06-01T00:00:00Z'), now)).toBe('vip');
    expect(customerSegment(bought(9, 9_999.99, '2025-06-01T00:00:00Z'), now)).toBe('regular');
  });
});
