import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';

interface StageTiming {
  firstEnteredAt: string;
  lastEnteredAt: string;
  lastExitedAt: string | null;
  cumulativeSeconds: number;
}
interface Customer {
  lifecycleStage: string;
  stages: Record<string, StageTiming>;
}

const DAY_MS = 86_400_000;
// One clock reading for every date of a test, so that stays between them are whole days.
const daysBefore =
  (now: number) =>
  (days: number): string =>
    new Date(now - days * DAY_MS).toISOString();

// A contact imported with its history: registered 10 days ago, a customer since 2 days ago, and
// the move to `other` 6 days ago arrives last, as a backfill.
describe('stage timing on the customer 360', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api.close());

  it('answers the stays in business-time order, live and as of a position', async () => {
    const daysAgo = daysBefore(Date.now());
    const [registeredAt, otherAt, customerAt] = [daysAgo(10), daysAgo(6), daysAgo(2)];
    await api.accepted('RegisterContact', {
      contactId: 'C-9',
      firstName: 'Ida',
      occurredAt: registeredAt,
    });
    const toCustomer = await api.accepted('ChangeLifecycleStage', {
      contactId: 'C-9',
      stage: 'customer',
      occurredAt: customerAt,
    });
    const backfill = await api.accepted('ChangeLifecycleStage', {
      contactId: 'C-9',
      stage: 'other',
      occurredAt: otherAt,
    });

    const before = Date.now();
    const live = await api.request<Customer>(
      `/views/customers/C-9?minPosition=${backfill.position}`,
      { token: TOKENS.analyst },
    );
    const after = Date.now();
    expect(live.body.lifecycleStage).toBe('customer');
    expect(live.body.stages).toEqual({
      lead: {
        firstEnteredAt: registeredAt,
        lastEnteredAt: registeredAt,
        lastExitedAt: otherAt,
        cumulativeSeconds: 4 * 86_400,
      },
      other: {
        firstEnteredAt: otherAt,
        lastEnteredAt: otherAt,
        lastExitedAt: customerAt,
        cumulativeSeconds: 4 * 86_400,
      },
      customer: {
        firstEnteredAt: customerAt,
        lastEnteredAt: customerAt,
        lastExitedAt: null,
        cumulativeSeconds: expect.any(Number) as unknown,
      },
    });
    const open = live.body.stages.customer!.cumulativeSeconds * 1000;
    expect(open).toBeGreaterThanOrEqual(before - Date.parse(customerAt) - 1);
    expect(open).toBeLessThanOrEqual(after - Date.parse(customerAt) + 1);

    // Before the backfill was recorded, the contact had gone straight from lead to customer.
    const asOf = await api.request<Customer>(
      `/audit/customers/C-9/state?atPosition=${toCustomer.position}`,
      { token: TOKENS.auditor },
    );
    expect(asOf.body.stages).toEqual({
      lead: {
        firstEnteredAt: registeredAt,
        lastEnteredAt: registeredAt,
        lastExitedAt: customerAt,
        cumulativeSeconds: 8 * 86_400,
      },
      customer: expect.objectContaining({ lastExitedAt: null }) as unknown,
    });
  });
});
