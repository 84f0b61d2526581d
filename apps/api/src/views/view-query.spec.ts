import { validateQuery } from '../query/validate-query';
import { CampaignListQuery, CampaignsQuery, PipelineQuery, ServiceSlaQuery } from './view-queries';
import { viewWindow, ViewWindowQuery } from './view-query';

function fieldsRefused(dto: new () => object, query: Record<string, unknown>): string[] {
  try {
    validateQuery(dto, query);
    return [];
  } catch (error) {
    return (error as { details: Array<{ field: string }> }).details.map(({ field }) => field);
  }
}

describe('view query parameters', () => {
  it('normalises from and to to UTC and keeps minPosition as given', () => {
    const query = validateQuery(ViewWindowQuery, {
      from: '2024-01-01',
      to: '2024-02-01T02:00:00+02:00',
      minPosition: '42',
    });

    expect(viewWindow(query)).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-02-01T00:00:00.000Z',
      minPosition: '42',
    });
  });

  it('treats absent and empty bounds as unbounded', () => {
    expect(viewWindow(validateQuery(ViewWindowQuery, { from: '' }))).toEqual({
      from: undefined,
      to: undefined,
      minPosition: undefined,
    });
  });

  it.each([
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2024-13-45' }, 'to'],
    [{ from: '2025-02-31' }, 'from'],
    [{ from: ['2024-01-01', '2024-02-01'] }, 'from'],
    [{ minPosition: '-1' }, 'minPosition'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'to'],
    [{ campaign: 'X' }, 'campaign'],
  ])('refuses %p naming %s', (query, field) => {
    expect(fieldsRefused(ViewWindowQuery, query)).toEqual([field]);
  });

  it('knows the attribution models and ticket priorities', () => {
    expect(fieldsRefused(CampaignsQuery, { model: 'first_touch' })).toEqual([]);
    expect(fieldsRefused(CampaignsQuery, { model: 'last_click' })).toEqual(['model']);
    expect(fieldsRefused(ServiceSlaQuery, { priority: 'urgent', agentId: 'A-1' })).toEqual([]);
    expect(fieldsRefused(ServiceSlaQuery, { priority: 'soon' })).toEqual(['priority']);
  });

  it('knows the pipeline breakdowns', () => {
    for (const groupBy of ['owner', 'team', 'channel', 'product']) {
      expect(fieldsRefused(PipelineQuery, { groupBy })).toEqual([]);
    }
    expect(fieldsRefused(PipelineQuery, { groupBy: 'region' })).toEqual(['groupBy']);
    expect(fieldsRefused(PipelineQuery, { groupBy: 'ownerId' })).toEqual(['groupBy']);
    expect(fieldsRefused(PipelineQuery, { groupBy: ['owner', 'team'] })).toEqual(['groupBy']);
  });

  it('breaks campaigns down by channel only, under any attribution model', () => {
    for (const model of ['first_touch', 'last_touch', 'linear', 'u_shaped', 'time_decay']) {
      expect(fieldsRefused(CampaignListQuery, { groupBy: 'channel', model })).toEqual([]);
    }
    expect(fieldsRefused(CampaignListQuery, { groupBy: 'owner' })).toEqual(['groupBy']);
    expect(fieldsRefused(CampaignListQuery, { groupBy: 'channel', model: 'w_shaped' })).toEqual([
      'model',
    ]);
    // One campaign is not broken down.
    expect(fieldsRefused(CampaignsQuery, { groupBy: 'channel' })).toEqual(['groupBy']);
  });
});
