import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';

// One customer's story sent as an outside service would, then every view read as an analyst
// would, waiting for the last command's position (read-your-writes), never for a duration.
// Expected figures are worked out by hand from the story below.
const day = (date: string, time = '10:00:00'): string => `${date}T${time}Z`;

describe('views over HTTP, after commands', () => {
  let api: ApiHarness;
  let lastPosition = '0';

  const send = async (type: string, body: Record<string, unknown>): Promise<void> => {
    lastPosition = (await api.accepted(type, body)).position;
  };
  const view = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const separator = path.includes('?') ? '&' : '?';
    return api.request<T>(`${path}${separator}minPosition=${lastPosition}`, {
      token: TOKENS.analyst,
    });
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('LaunchCampaign', {
      campaignId: 'CMP-1',
      name: 'Spring webinar',
      channel: 'email',
      startsAt: day('2025-01-01'),
      budget: 1000,
      currency: 'EUR',
      occurredAt: day('2025-01-01'),
    });
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      email: 'ada@example.com',
      source: 'web',
      ownerId: 'U-7',
      occurredAt: day('2025-01-10'),
    });
    await send('RecordCampaignTouch', {
      campaignId: 'CMP-1',
      contactId: 'C-1',
      kind: 'sent',
      occurredAt: day('2025-01-11'),
    });
    await send('RecordCampaignTouch', {
      campaignId: 'CMP-1',
      contactId: 'C-1',
      kind: 'opened',
      occurredAt: day('2025-01-12'),
    });
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
      name: 'More seats',
      amount: 1000,
      probability: 0.25,
      occurredAt: day('2025-01-15'),
    });
    await send('RecordPurchase', {
      orderId: 'O-1',
      contactId: 'C-1',
      items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 50 }],
      currency: 'EUR',
      channel: 'online',
      occurredAt: day('2025-01-21'),
    });
    await send('LogInteraction', {
      interactionId: 'I-1',
      contactId: 'C-1',
      kind: 'call',
      occurredAt: day('2025-01-14'),
    });
    const ticket = { ticketId: 'T-1' };
    await send('OpenTicket', {
      ...ticket,
      contactId: 'C-1',
      subject: 'Login',
      priority: 'high',
      channel: 'email',
      teamId: 'TEAM-1',
      occurredAt: day('2025-01-10'),
    });
    await send('RespondToTicket', {
      ...ticket,
      agentId: 'A-1',
      occurredAt: day('2025-01-10', '11:00:00'),
    });
    await send('ResolveTicket', {
      ...ticket,
      resolution: 'Reset',
      occurredAt: day('2025-01-11', '12:00:00'),
    });
    await send('CloseTicket', { ...ticket, satisfactionScore: 4, occurredAt: day('2025-01-12') });
  });

  afterAll(() => api.close());

  it('the funnel counts the contact as reaching every stage up to customer', async () => {
    const { status, body } = await view<{
      total: number;
      position: string;
      stages: Array<Record<string, unknown>>;
    }>('/views/lifecycle-funnel?from=2025-01-01&to=2025-02-01');
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    const byStage: Record<string, Record<string, unknown>> = Object.fromEntries(
      body.stages.map((stage) => [String(stage.stage), stage]),
    );
    expect(byStage.subscriber).toMatchObject({ reached: 1, current: 0, conversionToNext: 1 });
    expect(byStage.customer).toMatchObject({ reached: 1, current: 1, conversionToNext: 0 });
    expect(byStage.evangelist).toMatchObject({ reached: 0, current: 0, conversionToNext: null });
    // Outside the window nobody was registered.
    const empty = await view<{ total: number }>('/views/lifecycle-funnel?from=2025-02-01');
    expect(empty.body.total).toBe(0);
  });

  it('the campaign attributes the contact, its won deal and its revenue', async () => {
    const { status, body } = await view<Record<string, unknown>>('/views/campaigns/CMP-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      campaignId: 'CMP-1',
      reached: 1,
      customers: 1,
      dealsWon: 1,
      revenue: 600,
      conversionRate: 1,
      costPerAcquisition: 1000,
      roi: -0.4, // (600 − 1000) / 1000
    });
    expect(body.touches).toMatchObject({ sent: 1, opened: 1 });
  });

  it('the SLA view judges the ticket by business times', async () => {
    const { status, body } =
      await view<Record<string, Record<string, unknown>>>('/views/service-sla');
    expect(status).toBe(200);
    expect(body.tickets).toBe(1);
    // high: first response due in 4 h, answered after 1 h; resolution due in 24 h, done after 26 h.
    expect(body.firstResponse).toMatchObject({ met: 1, breached: 0, medianSeconds: 3600 });
    expect(body.resolution).toMatchObject({ met: 0, breached: 1, medianSeconds: 93_600 });
    expect(body.satisfaction).toEqual({ responses: 1, average: 4 });
  });

  it('the pipeline shows the open deal weighted and the won one in the rates', async () => {
    const { body } = await view<Record<string, unknown>>('/views/pipeline');
    expect(body).toMatchObject({
      won: 1,
      lost: 0,
      winRate: 1,
      revenue: 600,
      averageDaysToClose: 10,
    });
    expect(body.stages).toEqual([
      { stage: 'proposal', count: 1, amount: 1000, weightedAmount: 250 },
    ]);
  });

  it('the customer 360 decrypts identity for the analyst and sums the activity', async () => {
    const { body } = await view<Record<string, unknown>>('/views/customers/C-1');
    expect(body).toMatchObject({
      contactId: 'C-1',
      firstName: 'Ada',
      email: 'ada@example.com',
      lifecycleStage: 'customer',
      openTickets: 0,
      deals: { open: 1, won: 1, lost: 0 },
      interactions: expect.objectContaining({ total: 1, byKind: { call: 1 } }) as unknown,
      purchases: expect.objectContaining({ orders: 1, total: 100 }) as unknown,
    });
  });

  it('every answer carries a position at least the one asked for', async () => {
    const { body } = await view<{ position: string }>('/views/pipeline');
    expect(BigInt(body.position)).toBeGreaterThanOrEqual(BigInt(lastPosition));
  });

  it('a position the projections have not reached answers 503 NOT_CAUGHT_UP after waiting', async () => {
    const far = (BigInt(lastPosition) + 1_000_000n).toString();
    const { status, body } = await api.request<{ code: string }>(
      `/views/pipeline?minPosition=${far}`,
      {
        token: TOKENS.analyst,
      },
    );
    expect(status).toBe(503);
    expect(body.code).toBe('NOT_CAUGHT_UP');
  });

  it('views are for analysts: a service token is refused', async () => {
    const { status } = await api.request('/views/pipeline', { token: TOKENS.service });
    expect(status).toBe(403);
  });
});
