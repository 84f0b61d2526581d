import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { expectedCells, parseCsv } from '../support/csv';

interface FunnelStage {
  stage: string;
  current: number;
  reached: number;
  conversionToNext: number | null;
  medianSecondsInStage: number | null;
}
interface Funnel {
  total: number;
  other: number;
  stages: FunnelStage[];
  position: string;
}

const at = (day: string): string => `2025-01-${day}T00:00:00.000Z`;
const VALID_AT = '2025-01-04T00:00:00Z';

/** current per ladder stage, subscriber … evangelist. */
const currents = (funnel: Funnel): number[] => funnel.stages.map((stage) => stage.current);
const stage = (funnel: Funnel, name: string): FunnelStage | undefined =>
  funnel.stages.find((each) => each.stage === name);

/**
 * C-1 registers 01-01 as a lead (owner U-1, source web) and becomes a customer 01-05; C-2
 * registers 01-02 as a lead (source ads). Recorded afterwards: C-2 became an MQL on 01-03, and
 * C-1 was touched by CMP-1 on 2024-12-30, before it registered (backfills); C-2 goes to owner U-2
 * on 01-06.
 */
describe('the lifecycle funnel as of a business moment', () => {
  let api: ApiHarness;
  let position = '0';
  const send = async (type: string, body: Record<string, unknown>): Promise<void> => {
    position = (await api.accepted(type, body)).position;
  };
  const read = <T = Funnel>(path: string): Promise<{ status: number; body: T }> =>
    api.request<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, {
      token: TOKENS.analyst,
    });

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('LaunchCampaign', {
      campaignId: 'CMP-1',
      name: 'Winter mailing',
      channel: 'email',
      startsAt: '2024-12-01T00:00:00Z',
      budget: 1000,
      currency: 'EUR',
      occurredAt: '2024-12-01T00:00:00Z',
    });
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      source: 'web',
      ownerId: 'U-1',
      lifecycleStage: 'lead',
      occurredAt: at('01'),
    });
    await send('RegisterContact', {
      contactId: 'C-2',
      firstName: 'Bo',
      source: 'ads',
      lifecycleStage: 'lead',
      occurredAt: at('02'),
    });
    await send('ChangeLifecycleStage', {
      contactId: 'C-1',
      stage: 'customer',
      occurredAt: at('05'),
    });
  });

  afterAll(() => api.close());

  it('answers as of validAt, and backfills recorded later change that answer', async () => {
    const before = await read(`/views/lifecycle-funnel?validAt=${VALID_AT}`);
    expect(before.status).toBe(200);
    // On 01-04 both were leads (C-1's move to customer comes 01-05), and nobody had left a stage.
    expect(before.body.total).toBe(2);
    expect(currents(before.body)).toEqual([0, 2, 0, 0, 0, 0, 0]);
    expect(stage(before.body, 'lead')?.medianSecondsInStage).toBeNull();
    expect(
      (await read(`/views/lifecycle-funnel?validAt=${VALID_AT}&campaignId=CMP-1`)).body.total,
    ).toBe(0);

    await send('ChangeLifecycleStage', {
      contactId: 'C-2',
      stage: 'marketingqualifiedlead',
      occurredAt: at('03'),
    });
    await send('RecordCampaignTouch', {
      campaignId: 'CMP-1',
      contactId: 'C-1',
      kind: 'sent',
      occurredAt: '2024-12-30T00:00:00Z',
    });

    const after = await read(`/views/lifecycle-funnel?validAt=${VALID_AT}`);
    // C-2 was an MQL from 01-03: one day (86,400 s) as a lead, a finished stay by 01-04.
    expect(currents(after.body)).toEqual([0, 1, 1, 0, 0, 0, 0]);
    expect(stage(after.body, 'lead')).toMatchObject({ reached: 2, medianSecondsInStage: 86400 });
    expect(stage(after.body, 'marketingqualifiedlead')).toMatchObject({ reached: 1 });
    // C-1's first touch is CMP-1, dated before its registration.
    const campaign = await read(`/views/lifecycle-funnel?validAt=${VALID_AT}&campaignId=CMP-1`);
    expect(campaign.body.total).toBe(1);

    // Live, C-1 is a customer now: the validAt answer is not the live one.
    const live = await read('/views/lifecycle-funnel');
    expect(currents(live.body)).toEqual([0, 0, 1, 0, 0, 1, 0]);
  });

  it('filters on the owner at validAt and counts only contacts registered by then', async () => {
    await send('AssignContactOwner', { contactId: 'C-2', ownerId: 'U-2', occurredAt: at('06') });
    const owned = (validAt: string) =>
      read(`/views/lifecycle-funnel?validAt=${validAt}&ownerId=U-2`);
    expect((await owned(VALID_AT)).body.total).toBe(0);
    expect((await owned('2025-01-06T00:00:00Z')).body.total).toBe(1);
    // C-2 registered at 01-02 00:00 exactly: counted from that instant on, not a millisecond before.
    const justBefore = await read('/views/lifecycle-funnel?validAt=2025-01-01T23:59:59.999Z');
    expect(justBefore.body.total).toBe(1);
    expect((await read('/views/lifecycle-funnel?validAt=2025-01-02T00:00:00Z')).body.total).toBe(2);
    // The window still selects by registration time.
    const window = await read(
      `/views/lifecycle-funnel?validAt=${VALID_AT}&from=2025-01-02T00:00:00Z&to=2025-01-03T00:00:00Z`,
    );
    expect([window.body.total, currents(window.body)[2]]).toEqual([1, 1]);
  });

  it.each(['2025-02-31', 'yesterday'])(
    'refuses validAt=%s with 400 naming validAt, and answers as before after it',
    async (bad) => {
      const asked = `/views/lifecycle-funnel?validAt=${VALID_AT}`;
      const first = await read(asked);
      const response = await read<{ code: string; details: Array<{ field: string }> }>(
        `/views/lifecycle-funnel?validAt=${bad}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map(({ field }) => field)).toContain('validAt');
      expect((await read(asked)).body).toEqual(first.body);
    },
  );

  it('answers text/csv as of the moment too', async () => {
    const url = `/views/lifecycle-funnel?validAt=${VALID_AT}&minPosition=${position}`;
    const json = await api.request<Funnel>(url, { token: TOKENS.analyst });
    const response = await fetch(`${api.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await response.text());
    const stageRows = rows.filter((row) => row.section === 'stage');
    expect(stageRows).toHaveLength(json.body.stages.length);
    for (const each of json.body.stages) {
      expect(stageRows).toContainEqual(expect.objectContaining(expectedCells(each)));
    }
    const { total, other } = json.body;
    expect(rows.find((row) => row.section === 'cohort')).toMatchObject(
      expectedCells({ total, other }),
    );
    // The as-of figures, not the live ones: nobody was a customer on 01-04.
    expect(stageRows.find((row) => row.stage === 'customer')).toMatchObject({ current: '0' });
    expect(stageRows.find((row) => row.stage === 'lead')).toMatchObject({ current: '1' });
  });
});
