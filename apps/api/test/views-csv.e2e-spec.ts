import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';
import { expectedCells, parseCsv } from './support/csv';

type Json = Record<string, unknown>;
type Row = Record<string, string>;
const day = (date: string, time = '10:00:00'): string => `${date}T${time}Z`;

// Every aggregate view read twice, as JSON and with `Accept: text/csv`; the CSV is parsed here and
// each JSON figure must be in its row, written the same.
describe('aggregate views as CSV', () => {
  let api: ApiHarness;
  let lastPosition = '0';
  const send = async (type: string, body: Json): Promise<void> => {
    lastPosition = (await api.accepted(type, body)).position;
  };

  async function both(path: string): Promise<{ json: Json; rows: Row[]; headers: Headers }> {
    const url = `${path}${path.includes('?') ? '&' : '?'}minPosition=${lastPosition}`;
    const json = await api.request<Json>(url, { token: TOKENS.analyst });
    const response = await fetch(`${api.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
    });
    expect([json.status, response.status]).toEqual([200, 200]);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('chronicle-position')).toBe(json.body.position);
    return { json: json.body, rows: parseCsv(await response.text()), headers: response.headers };
  }

  /** The rows of one section hold the JSON items, in order, every figure the same. */
  function expectSection(rows: Row[], section: string | undefined, items: unknown): void {
    const inSection = rows.filter((row) => section === undefined || row.section === section);
    const list = items as object[];
    // Every section of this story holds rows, so none of these comparisons is vacuous.
    expect(list.length).toBeGreaterThan(0);
    expect(inSection).toHaveLength(list.length);
    list.forEach((item, at) => expect(inSection[at]).toMatchObject(expectedCells(item)));
  }

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('LaunchCampaign', {
      campaignId: 'CMP-1',
      name: 'Spring "webinar", EU',
      channel: 'email',
      startsAt: day('2025-01-01'),
      budget: 1000,
      currency: 'EUR',
      occurredAt: day('2025-01-01'),
    });
    for (const [contactId, campaignId] of [
      ['C-1', 'CMP-1'],
      ['C-2', undefined],
    ] as const) {
      await send('RegisterContact', {
        contactId,
        firstName: 'Ada',
        ...(campaignId && { campaignId }),
        occurredAt: day('2025-01-10'),
      });
    }
    await send('QualifyLead', {
      contactId: 'C-1',
      qualification: 'marketing',
      occurredAt: day('2025-01-13'),
    });
    await send('ChangeLifecycleStage', {
      contactId: 'C-1',
      stage: 'customer',
      occurredAt: day('2025-01-20'),
    });
    const deal = {
      contactId: 'C-1',
      currency: 'EUR',
      stage: 'proposal',
      channel: 'online',
      ownerId: 'U-7',
    };
    await send('OpenDeal', {
      ...deal,
      dealId: 'D-1',
      name: 'Seats',
      amount: 500,
      probability: 0.5,
      occurredAt: day('2025-01-10'),
    });
    await send('WinDeal', { dealId: 'D-1', amount: 600, occurredAt: day('2025-01-20') });
    await send('OpenDeal', {
      ...deal,
      dealId: 'D-2',
      name: 'More',
      amount: 1000,
      probability: 0.25,
      expectedCloseDate: '2025-03-01',
      occurredAt: day('2025-01-15'),
    });
    for (const [ticketId, priority, teamId] of [
      ['T-1', 'high', 'TEAM-1'],
      ['T-2', 'low', undefined],
    ] as const) {
      await send('OpenTicket', {
        ticketId,
        contactId: 'C-1',
        subject: 'Login',
        priority,
        channel: 'email',
        ...(teamId && { teamId }),
        occurredAt: day('2025-01-10'),
      });
    }
    await send('RespondToTicket', {
      ticketId: 'T-1',
      agentId: 'A-1',
      occurredAt: day('2025-01-10', '11:00:00'),
    });
  });
  afterAll(() => api.close());

  it('the funnel: one row per stage, then the cohort', async () => {
    const { json, rows } = await both('/views/lifecycle-funnel?from=2025-01-01&to=2025-02-01');
    expectSection(rows, 'stage', json.stages);
    expectSection(rows, 'cohort', [{ total: json.total, other: json.other }]);
    expect(rows.find((row) => row.stage === 'customer')).toMatchObject({ current: '1' });
  });

  it('campaigns: one row per campaign, quoted names intact; by channel, one per channel', async () => {
    const list = await both('/views/campaigns');
    expectSection(list.rows, undefined, list.json.campaigns);
    expect(list.rows[0]).toMatchObject({ name: 'Spring "webinar", EU', customers: '1' });
    const channels = await both('/views/campaigns?groupBy=channel');
    expectSection(channels.rows, undefined, channels.json.channels);
    const one = await both('/views/campaigns/CMP-1');
    const { position: _position, ...campaign } = one.json;
    expectSection(one.rows, undefined, [campaign]);
  });

  it('service SLA: all tickets, then per priority and per team', async () => {
    const { json, rows } = await both('/views/service-sla');
    const { byPriority, byTeam, position: _position, ...all } = json;
    expectSection(rows, 'all', [all]);
    expectSection(rows, 'priority', byPriority);
    expectSection(rows, 'team', byTeam);
    expect(rows.filter((row) => row.section === 'priority').map((row) => row.priority)).toEqual([
      'high',
      'low',
    ]);
  });

  it('pipeline: one row per stage, the closed figures, and a row per group', async () => {
    const { json, rows } = await both('/views/pipeline?groupBy=owner');
    const { stages, groups, position: _position, ...closed } = json;
    expectSection(rows, 'stage', stages);
    expectSection(rows, 'closed', [closed]);
    expectSection(rows, 'group', groups);
    expect(rows.find((row) => row.section === 'closed')).toMatchObject({
      won: '1',
      revenue: '600',
    });
  });

  it('forecast and data quality answer CSV too', async () => {
    const forecast = await both('/views/forecast');
    expectSection(forecast.rows, 'month', forecast.json.months);
    const { noCloseDate, currencies } = forecast.json;
    expectSection(forecast.rows, 'noCloseDate', [{ open: noCloseDate, currencies }]);
    const quality = await both('/views/data-quality');
    const { position: _position, ...figures } = quality.json;
    expectSection(quality.rows, undefined, [figures]);
  });

  it('answers JSON without a CSV preference, and errors stay JSON', async () => {
    const response = await fetch(`${api.baseUrl}/views/pipeline`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'application/json, */*' },
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('vary')).toMatch(/Accept/);
    const missing = await fetch(`${api.baseUrl}/views/campaigns/NOPE`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
