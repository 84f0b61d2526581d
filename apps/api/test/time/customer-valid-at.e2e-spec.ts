import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';

interface Customer {
  firstName: unknown;
  email: unknown;
  lifecycleStage: string;
  stages: Record<string, { lastExitedAt: string | null; cumulativeSeconds: number }>;
  purchases: { orders: number; total: number; lastPurchaseAt: string | null };
  segment: string;
  erasedAt: string | null;
  position: string;
}

const DAY = 86_400;
const at = (day: string): string => `2025-${day}T00:00:00.000Z`;

/**
 * C-1 registers 01-01 as a lead and buys for 12,000 on 01-10. Recorded afterwards: C-1 became a
 * customer on 01-05 (a backfill). C-2 registers 01-01 and is erased on 03-01.
 */
describe('the customer 360 and its audit state as of a business moment', () => {
  let api: ApiHarness;
  let position = '0';
  let beforeBackfill = '0';
  const send = async (type: string, body: Record<string, unknown>, token?: string) => {
    position = (await api.accepted(type, body, { token })).position;
  };
  const read = <T = Customer>(path: string, token: string = TOKENS.analyst) =>
    api.request<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, { token });

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      email: 'ada@example.com',
      lifecycleStage: 'lead',
      occurredAt: at('01-01'),
    });
    await send('RecordPurchase', {
      orderId: 'O-1',
      contactId: 'C-1',
      items: [{ sku: 'engine', quantity: 1, unitPrice: 12_000 }],
      currency: 'EUR',
      channel: 'web',
      occurredAt: at('01-10'),
    });
    beforeBackfill = position;
  });
  afterAll(() => api.close());

  it('answers as of validAt, and a backfill recorded later changes that answer', async () => {
    const before = await read('/views/customers/C-1?validAt=2025-01-07T00:00:00Z');
    expect(before.status).toBe(200);
    // A lead since 01-01: six days by 01-07; the purchase of 01-10 had not happened.
    expect(before.body).toMatchObject({
      firstName: 'Ada',
      lifecycleStage: 'lead',
      stages: { lead: { lastExitedAt: null, cumulativeSeconds: 6 * DAY } },
      purchases: { orders: 0, total: 0, lastPurchaseAt: null },
      segment: 'potential',
    });

    await send('ChangeLifecycleStage', {
      contactId: 'C-1',
      stage: 'customer',
      occurredAt: at('01-05'),
    });
    const after = await read('/views/customers/C-1?validAt=2025-01-07T00:00:00Z');
    // Lead 01-01 → 01-05 (4 days), then a customer up to validAt (2 days).
    expect(after.body).toMatchObject({
      lifecycleStage: 'customer',
      stages: {
        lead: { lastExitedAt: at('01-05'), cumulativeSeconds: 4 * DAY },
        customer: { lastExitedAt: null, cumulativeSeconds: 2 * DAY },
      },
      segment: 'potential',
      position,
    });
    // From 01-10 on, 12,000 spent: a VIP; 181 days later at risk, whatever today is.
    const vip = await read('/views/customers/C-1?validAt=2025-01-10T00:00:00Z');
    expect(vip.body).toMatchObject({ purchases: { orders: 1, total: 12_000 }, segment: 'vip' });
    expect((await read('/views/customers/C-1?validAt=2025-07-10T00:00:00Z')).body.segment).toBe(
      'at_risk',
    );
  });

  it('knows no contact registered after validAt', async () => {
    const early = await read<{ code: string }>(
      '/views/customers/C-1?validAt=2024-12-31T23:59:59.999Z',
    );
    expect(early.status).toBe(404);
    expect(early.body.code).toBe('NOT_FOUND');
    expect((await read('/views/customers/C-1?validAt=2025-01-01T00:00:00Z')).status).toBe(200);
  });

  it('shows an erased contact as erased at any validAt: the key is gone now', async () => {
    await send('RegisterContact', {
      contactId: 'C-2',
      email: 'bo@example.com',
      occurredAt: at('01-01'),
    });
    await send(
      'EraseContactPersonalData',
      { contactId: 'C-2', reason: 'request', occurredAt: at('03-01') },
      TOKENS.admin,
    );
    const before = await read('/views/customers/C-2?validAt=2025-02-01T00:00:00Z');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ email: '[erased]', erasedAt: null });
  });

  it('combines validAt with atPosition or asOf on the audit state (bitemporal)', async () => {
    const state = (query: string) => read(`/audit/customers/C-1/state?${query}`, TOKENS.auditor);
    // Recorded by then: no stage change yet, so on 01-07 a lead for six days.
    const recorded = await state(`atPosition=${beforeBackfill}&validAt=2025-01-07T00:00:00Z`);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      lifecycleStage: 'lead',
      stages: { lead: { lastExitedAt: null, cumulativeSeconds: 6 * DAY } },
      segment: 'potential',
    });
    // Everything recorded (asOf now), as it had happened by 01-07: the backfill counts.
    const now = new Date().toISOString();
    const known = await state(`asOf=${now}&validAt=2025-01-07T00:00:00Z`);
    expect(known.body).toMatchObject({
      lifecycleStage: 'customer',
      stages: { customer: { cumulativeSeconds: 2 * DAY } },
    });
    expect((await state('validAt=2025-01-07T00:00:00Z')).body).toEqual(known.body);
    const refused = await state(`atPosition=${beforeBackfill}&asOf=${now}&validAt=2025-01-07`);
    expect(refused.status).toBe(400);
    expect((await state('validAt=2024-12-31T00:00:00Z')).status).toBe(404);
  });

  it.each(['2025-02-31', 'yesterday'])(
    'refuses validAt=%s with 400 naming validAt, on the view and the audit state',
    async (bad) => {
      const asked = '/views/customers/C-1?validAt=2025-01-07T00:00:00Z';
      const first = await read(asked);
      for (const [path, token] of [
        [`/views/customers/C-1?validAt=${bad}`, TOKENS.analyst],
        [`/audit/customers/C-1/state?validAt=${bad}`, TOKENS.auditor],
      ] as const) {
        const response = await read<{ code: string; details: Array<{ field: string }> }>(
          path,
          token,
        );
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.map(({ field }) => field)).toContain('validAt');
      }
      expect((await read(asked)).body).toEqual(first.body);
    },
  );
});
