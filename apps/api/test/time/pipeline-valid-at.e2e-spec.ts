import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { expectedCells, parseCsv } from '../support/csv';

interface Stage {
  stage: string;
  count: number;
  amount: number;
  weightedAmount: number;
}
interface Pipeline {
  stages: Stage[];
  won: number;
  lost: number;
  revenue: number;
  averageDaysToClose: number | null;
  groups?: Array<{ key: string | null; open: Omit<Stage, 'stage'>; won: number }>;
  position: string;
}
interface Forecast {
  months: Array<{
    month: string;
    open: Omit<Stage, 'stage'>;
    won: { count: number; revenue: number };
  }>;
  position: string;
}

const at = (date: string): string => `${date}T09:00:00.000Z`;

/**
 * D-1 opens on 2025-01-05 (qualification, 1000 at 0.2, closing in March) and moves to negotiation
 * at 0.6 on 01-20; D-2 opens on 01-06 (proposal, 500 at 0.5, closing in February) and is won at
 * 450 on 01-25. Then, recorded last, two backfills: D-1 went to proposal at 0.4 on 01-10, and
 * D-3 had opened on 01-08 (proposal, 200 at 0.5, closing in February).
 */
describe('the pipeline and the forecast as of a business moment', () => {
  let api: ApiHarness;
  let position = '0';
  const send = async (type: string, body: Record<string, unknown>): Promise<void> => {
    position = (await api.accepted(type, body)).position;
  };
  const deal = (dealId: string, fields: Record<string, unknown>) => ({
    dealId,
    contactId: 'C-1',
    name: `Deal ${dealId}`,
    currency: 'EUR',
    channel: 'online',
    ...fields,
  });
  const read = async <T>(path: string): Promise<{ status: number; body: T }> =>
    api.request<T>(`${path}&minPosition=${position}`, { token: TOKENS.analyst });

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      occurredAt: at('2025-01-01'),
    });
    const opening = { stage: 'qualification', probability: 0.2, expectedCloseDate: '2025-03-31' };
    await send(
      'OpenDeal',
      deal('D-1', { amount: 1000, ownerId: 'U-1', ...opening, occurredAt: at('2025-01-05') }),
    );
    await send(
      'OpenDeal',
      deal('D-2', {
        amount: 500,
        ownerId: 'U-2',
        stage: 'proposal',
        probability: 0.5,
        expectedCloseDate: '2025-02-15',
        occurredAt: at('2025-01-06'),
      }),
    );
    await send('AdvanceDealStage', {
      dealId: 'D-1',
      stage: 'negotiation',
      probability: 0.6,
      occurredAt: at('2025-01-20'),
    });
    await send('WinDeal', { dealId: 'D-2', amount: 450, occurredAt: at('2025-01-25') });
  });

  afterAll(() => api.close());

  it('answers as of a moment, and a backfill of an earlier fact changes that answer', async () => {
    const before = await read<Pipeline>('/views/pipeline?validAt=2025-01-15T09:00:00Z');
    expect(before.status).toBe(200);
    expect(before.body.stages).toEqual([
      { stage: 'proposal', count: 1, amount: 500, weightedAmount: 250 }, // D-2, won only on 01-25
      { stage: 'qualification', count: 1, amount: 1000, weightedAmount: 200 }, // D-1
    ]);
    const forecastBefore = await read<Forecast>('/views/forecast?validAt=2025-01-15T09:00:00Z');
    expect(forecastBefore.body.months.map(({ month, open }) => [month, open])).toEqual([
      ['2025-02', { count: 1, amount: 500, weightedAmount: 250 }],
      ['2025-03', { count: 1, amount: 1000, weightedAmount: 200 }],
    ]);

    await send('AdvanceDealStage', {
      dealId: 'D-1',
      stage: 'proposal',
      probability: 0.4,
      occurredAt: at('2025-01-10'),
    });
    await send(
      'OpenDeal',
      deal('D-3', {
        amount: 200,
        ownerId: 'U-2',
        stage: 'proposal',
        probability: 0.5,
        expectedCloseDate: '2025-02-10',
        occurredAt: at('2025-01-08'),
      }),
    );

    const after = await read<Pipeline>(
      '/views/pipeline?validAt=2025-01-15T09:00:00Z&groupBy=owner',
    );
    // D-1 1000 × 0.4 + D-2 500 × 0.5 + D-3 200 × 0.5
    expect(after.body.stages).toEqual([
      { stage: 'proposal', count: 3, amount: 1700, weightedAmount: 750 },
    ]);
    expect(after.body.groups?.map(({ key, open }) => [key, open])).toEqual([
      ['U-1', { count: 1, amount: 1000, weightedAmount: 400 }],
      ['U-2', { count: 2, amount: 700, weightedAmount: 350 }],
    ]);
    const forecastAfter = await read<Forecast>('/views/forecast?validAt=2025-01-15T09:00:00Z');
    expect(forecastAfter.body.months.map(({ month, open }) => [month, open])).toEqual([
      ['2025-02', { count: 2, amount: 700, weightedAmount: 350 }],
      ['2025-03', { count: 1, amount: 1000, weightedAmount: 400 }],
    ]);
  });

  it('counts a win from the instant it happened: a date alone is the start of its day', async () => {
    const justBefore = await read<Pipeline>('/views/pipeline?validAt=2025-01-25T08:59:59.999Z');
    const atTheWin = await read<Pipeline>('/views/pipeline?validAt=2025-01-25T10:00:00%2B01:00');
    const startOfDay = await read<Pipeline>('/views/pipeline?validAt=2025-01-25');
    expect([justBefore.body.won, atTheWin.body.won, startOfDay.body.won]).toEqual([0, 1, 0]);
    // Opened 01-06, won 01-25: 19 days; the revenue is the amount WinDeal settled on.
    expect(atTheWin.body).toMatchObject({ revenue: 450, averageDaysToClose: 19 });
    const forecast = await read<Forecast>('/views/forecast?validAt=2025-01-25T09:00:00Z');
    expect(forecast.body.months.find(({ month }) => month === '2025-01')?.won).toEqual({
      count: 1,
      revenue: 450,
    });
  });

  it.each(['2025-02-31', 'yesterday'])(
    'refuses validAt=%s with 400 naming validAt, and answers as before after it',
    async (bad) => {
      const asked = '/views/pipeline?validAt=2025-01-15T09:00:00Z';
      const first = (await read<Pipeline>(asked)).body;
      for (const path of ['/views/pipeline', '/views/forecast', '/views/pipeline?groupBy=owner&']) {
        const separator = path.endsWith('&') ? '' : '?';
        const response = await read<{ code: string; details: Array<{ field: string }> }>(
          `${path}${separator}validAt=${bad}`,
        );
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.map(({ field }) => field)).toContain('validAt');
      }
      expect((await read<Pipeline>(asked)).body).toEqual(first);
    },
  );

  it('answers text/csv as of the moment too', async () => {
    for (const path of [
      '/views/pipeline?validAt=2025-01-15T09:00:00Z&groupBy=owner',
      '/views/forecast?validAt=2025-01-15T09:00:00Z',
    ]) {
      const url = `${path}&minPosition=${position}`;
      const json = await api.request<Pipeline & Forecast>(url, { token: TOKENS.analyst });
      const response = await fetch(`${api.baseUrl}${url}`, {
        headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = parseCsv(await response.text());
      const items = path.startsWith('/views/pipeline')
        ? [
            ...json.body.stages.map((stage) => ['stage', stage] as const),
            ...json.body.groups!.map((group) => ['group', group] as const),
          ]
        : json.body.months.map((month) => ['month', month] as const);
      expect(items.length).toBeGreaterThan(1);
      for (const [section, item] of items) {
        const inSection = rows.filter((row) => row.section === section);
        expect(inSection).toContainEqual(expect.objectContaining(expectedCells(item)));
      }
    }
  });
});
