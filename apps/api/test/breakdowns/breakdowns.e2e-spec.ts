import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';

// The breakdowns over HTTP, after commands sent as a service would: a few deals, two campaign
// channels and a handful of contacts, every figure worked out by hand below. Business times lie
// in 2025, before any machine's "now", so every deal opened is judged as it stands.
const at = (date: string) => `${date}T10:00:00Z`;

describe('breakdowns over HTTP', () => {
  let api: ApiHarness;
  let lastPosition = '0';

  const send = async (type: string, body: Record<string, unknown>): Promise<void> => {
    lastPosition = (await api.accepted(type, body)).position;
  };
  const view = <T>(path: string) => {
    const separator = path.includes('?') ? '&' : '?';
    return api.request<T>(`${path}${separator}minPosition=${lastPosition}`, {
      token: TOKENS.analyst,
    });
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    const campaign = { budget: 100, currency: 'EUR', occurredAt: at('2025-01-01') };
    await send('LaunchCampaign', {
      ...campaign,
      campaignId: 'M-1',
      name: 'Mail 1',
      channel: 'email',
      startsAt: at('2025-01-01'),
    });
    await send('LaunchCampaign', {
      ...campaign,
      campaignId: 'M-2',
      name: 'Mail 2',
      channel: 'email',
      startsAt: at('2025-02-01'),
    });
    await send('LaunchCampaign', {
      ...campaign,
      campaignId: 'S-1',
      name: 'Social',
      channel: 'social',
      startsAt: at('2025-01-01'),
    });
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      email: 'ada@example.com',
      phone: '+15550100',
      ownerId: 'U-1',
      occurredAt: at('2025-01-02'),
    });
    await send('RegisterContact', {
      contactId: 'C-2',
      lastName: 'Bo',
      phone: '+15550101',
      occurredAt: at('2025-01-03'),
    });
    // Same e-mail as C-1: the domain suspects a duplicate.
    await send('RegisterContact', {
      contactId: 'C-3',
      phone: '+15550102',
      email: 'ADA@example.com',
      occurredAt: at('2025-01-04'),
    });
    for (const [contactId, campaignId] of [
      ['C-1', 'M-1'],
      ['C-1', 'M-2'],
      ['C-2', 'M-2'],
      ['C-1', 'S-1'],
    ]) {
      await send('RecordCampaignTouch', {
        contactId,
        campaignId,
        kind: 'sent',
        occurredAt: at('2025-02-02'),
      });
    }
    await send('ChangeLifecycleStage', {
      contactId: 'C-1',
      stage: 'customer',
      occurredAt: at('2025-02-10'),
    });
    const deal = { currency: 'EUR', stage: 'proposal', channel: 'online' };
    await send('OpenDeal', {
      ...deal,
      dealId: 'D-1',
      contactId: 'C-1',
      name: 'Seats',
      amount: 500,
      probability: 0.5,
      ownerId: 'U-1',
      teamId: 'T-EAST',
      expectedCloseDate: '2025-03-31',
      occurredAt: at('2025-02-01'),
    });
    await send('WinDeal', { dealId: 'D-1', amount: 600, occurredAt: at('2025-02-20') });
    await send('OpenDeal', {
      ...deal,
      dealId: 'D-2',
      name: 'More seats',
      amount: 1000,
      probability: 0.25,
      ownerId: 'U-2',
      channel: 'partner',
      expectedCloseDate: '2025-04-15',
      occurredAt: at('2025-02-03'),
    });
    await send('OpenDeal', {
      ...deal,
      dealId: 'D-3',
      name: 'Support',
      amount: 200,
      ownerId: 'U-2',
      occurredAt: at('2025-02-04'),
    });
    await send('LoseDeal', { dealId: 'D-3', occurredAt: at('2025-02-14') });
    await send('MergeContacts', {
      survivorContactId: 'C-1',
      duplicateContactId: 'C-3',
      occurredAt: at('2025-03-01'),
    });
  });

  afterAll(() => api.close());

  it('breaks the pipeline down by team, the deals without one in a null group', async () => {
    const { status, body } = await view<Record<string, unknown>>('/views/pipeline?groupBy=team');
    expect(status).toBe(200);
    expect(body.groups).toEqual([
      {
        key: 'T-EAST',
        open: { count: 0, amount: 0, weightedAmount: 0 },
        won: 1,
        lost: 0,
        winRate: 1,
        revenue: 600, // the won amount replaced the 500 it opened with
        averageDaysToClose: 19,
      },
      {
        key: null,
        open: { count: 1, amount: 1000, weightedAmount: 250 },
        won: 0,
        lost: 1,
        winRate: 0,
        revenue: 0,
        averageDaysToClose: 10,
      },
    ]);
    expect(body).toMatchObject({ won: 1, lost: 1, revenue: 600, position: lastPosition });
  });

  it('forecasts open deals by expected close month beside the wins of each month', async () => {
    const { status, body } = await view('/views/forecast');
    expect(status).toBe(200);
    expect(body).toEqual({
      months: [
        {
          month: '2025-02',
          open: { count: 0, amount: 0, weightedAmount: 0 },
          won: { count: 1, revenue: 600 },
        },
        {
          month: '2025-04',
          open: { count: 1, amount: 1000, weightedAmount: 250 },
          won: { count: 0, revenue: 0 },
        },
      ],
      noCloseDate: { count: 0, amount: 0, weightedAmount: 0 },
      currencies: ['EUR'],
      position: lastPosition,
    });
    const u1 = await view<{ months: unknown[] }>('/views/forecast?ownerId=U-2&teamId=T-EAST');
    expect(u1.body.months).toEqual([]);
  });

  it('takes the campaigns of each channel together, each contact reached once', async () => {
    const { status, body } = await view('/views/campaigns?groupBy=channel&model=first_touch');
    expect(status).toBe(200);
    expect(body).toEqual({
      channels: [
        {
          channel: 'email',
          campaigns: 2,
          budget: 200,
          reached: 2, // C-1 (by both) and C-2
          customers: 1, // C-1, first touched by M-1
          revenue: 600, // D-1 of C-1
          conversionRate: 0.5,
          roi: 2,
        },
        {
          channel: 'social',
          campaigns: 1,
          budget: 100,
          reached: 1,
          customers: 0,
          revenue: 0,
          conversionRate: 0,
          roi: -1,
        },
      ],
      position: lastPosition,
    });
  });

  it('reports data quality: what live contacts miss, suspicions, merges', async () => {
    const { status, body } = await view('/views/data-quality?staleDays=36500');
    expect(status).toBe(200);
    expect(body).toEqual({
      contacts: 2, // C-1, C-2; C-3 was merged into C-1
      // C-2 has a last name and a phone, no e-mail and no owner.
      missing: { name: 0, email: 1, phone: 0, owner: 1 },
      duplicatesSuspected: { open: 0, contacts: 0 }, // C-3 ~ C-1, settled by their merge
      stale: 0,
      erased: 0,
      merged: 1,
      position: lastPosition,
    });
    // Everything happened in 2025: a day without activity makes both live contacts stale.
    expect((await view<{ stale: number }>('/views/data-quality?staleDays=1')).body.stale).toBe(2);
  });

  it.each([
    ['/views/pipeline?groupBy=region', 'groupBy'],
    ['/views/campaigns?groupBy=owner', 'groupBy'],
    ['/views/campaigns?groupBy=channel&model=w_shaped', 'model'],
    ['/views/campaigns?model=time_decay&halfLifeDays=0', 'halfLifeDays'],
    ['/views/campaigns/M-1?groupBy=channel', 'groupBy'],
    ['/views/data-quality?staleDays=0', 'staleDays'],
    ['/views/data-quality?staleDays=-3', 'staleDays'],
    ['/views/data-quality?staleDays=soon', 'staleDays'],
    ['/views/data-quality?staleDays=1.5', 'staleDays'],
    ['/views/forecast?product=x', 'product'],
  ])('refuses %s naming %s', async (path, field) => {
    const { status, body } = await api.request<{ code: string; details: Array<{ field: string }> }>(
      path,
      { token: TOKENS.analyst },
    );
    expect({ status, code: body.code, fields: body.details.map((d) => d.field) }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: [field],
    });
  });

  it('lets only analysts read them and documents their parameters', async () => {
    for (const path of ['/views/forecast', '/views/data-quality']) {
      expect((await api.request(path, { token: TOKENS.service })).status).toBe(403);
    }
    const { body } = await api.request<{
      paths: Record<string, { get: { parameters: Array<{ name: string }> } }>;
    }>('/docs-json', {});
    const names = (path: string) => body.paths[path]!.get.parameters.map(({ name }) => name).sort();
    expect(names('/views/forecast')).toEqual([
      'from',
      'minPosition',
      'ownerId',
      'teamId',
      'to',
      'validAt',
    ]);
    expect(names('/views/data-quality')).toEqual(['minPosition', 'staleDays', 'validAt']);
    expect(names('/views/pipeline')).toContain('groupBy');
    expect(names('/views/campaigns')).toEqual([
      'from',
      'groupBy',
      'halfLifeDays',
      'minPosition',
      'model',
      'to',
      'validAt',
    ]);
  });
});
