import { contactRegistered } from '../testing/fixtures';
import { at, fold } from '../testing/given';
import { type ContactState } from './contact-state';

describe('the contact stream fold', () => {
  it('keeps when each stage was last entered, by business time', () => {
    const state = fold('contact-C1', [
      at('2025-01-01T00:00:00.000Z', contactRegistered('C1', { lifecycleStage: 'subscriber' })),
      at('2025-01-05T00:00:00.000Z', {
        type: 'LifecycleStageChanged',
        data: { contactId: 'C1', from: 'subscriber', to: 'lead' },
      }),
      at('2025-01-09T00:00:00.000Z', {
        type: 'LeadQualified',
        data: { contactId: 'C1', qualification: 'marketing' },
      }),
      at('2025-01-09T00:00:00.000Z', {
        type: 'LifecycleStageChanged',
        data: { contactId: 'C1', from: 'lead', to: 'marketingqualifiedlead' },
      }),
    ]) as ContactState;
    expect(state).toMatchObject({
      lifecycleStage: 'marketingqualifiedlead',
      stageEnteredAt: {
        subscriber: '2025-01-01T00:00:00.000Z',
        lead: '2025-01-05T00:00:00.000Z',
        marketingqualifiedlead: '2025-01-09T00:00:00.000Z',
      },
    });
  });

  it('applies corrections, consents, custom fields and ignores touches and unknown events', () => {
    const state = fold('contact-C1', [
      contactRegistered('C1', { lastName: 'Byron' }),
      { type: 'ContactDetailsUpdated', data: { contactId: 'C1', lastName: null, phone: '+1 555' } },
      { type: 'ConsentRecorded', data: { contactId: 'C1', channel: 'email', granted: false } },
      { type: 'CustomFieldSet', data: { contactId: 'C1', field: 'vip', value: true } },
      {
        type: 'CampaignTouchRecorded',
        data: { contactId: 'C1', campaignId: 'K1', kind: 'opened' },
      },
    ]) as ContactState;
    expect(state).toMatchObject({
      details: { firstName: 'Ada', email: 'ada@example.com', phone: '+1 555' },
      consents: { email: false },
      customFields: { vip: true },
    });
    expect(state.status === 'active' && 'lastName' in state.details).toBe(false);
  });
});
