import { campaignLaunched, contactRegistered } from '../testing/fixtures';
import { at, given, type RecordedEvent } from '../testing/given';

const launch = {
  campaignId: 'K1',
  name: 'Spring',
  channel: 'email',
  startsAt: '2025-03-01T00:00:00.000Z',
  budget: 1000,
  currency: 'EUR',
};
const completedAt = '2025-03-10T00:00:00.000Z';
const completed = at(completedAt, { type: 'CampaignCompleted', data: { campaignId: 'K1' } });
const touch = { campaignId: 'K1', contactId: 'C1', kind: 'opened' };
const touched: RecordedEvent = { type: 'CampaignTouchRecorded', data: touch } as RecordedEvent;
const contact = { 'contact-C1': [contactRegistered('C1')] };

describe('LaunchCampaign', () => {
  it('launches the campaign', () => {
    given()
      .when('LaunchCampaign', launch)
      .thenEmits([campaignLaunched('K1')]);
  });

  it('treats the same launch again as a repeat, even once completed', () => {
    given({ 'campaign-K1': [campaignLaunched('K1'), completed] })
      .when('LaunchCampaign', launch)
      .thenEmits([]);
  });

  it('refuses a different launch for an existing id', () => {
    given({ 'campaign-K1': [campaignLaunched('K1')] })
      .when('LaunchCampaign', { ...launch, budget: 2000 })
      .thenFails('ALREADY_EXISTS', /Campaign K1/);
  });
});

describe('CompleteCampaign', () => {
  it('completes a running campaign', () => {
    given({ 'campaign-K1': [campaignLaunched('K1')] })
      .when('CompleteCampaign', { campaignId: 'K1' })
      .thenEmits([{ type: 'CampaignCompleted', data: { campaignId: 'K1' } }]);
  });

  it('answers no events for a completed campaign', () => {
    given({ 'campaign-K1': [campaignLaunched('K1'), completed] })
      .when('CompleteCampaign', { campaignId: 'K1' })
      .thenEmits([]);
  });

  it('is NOT_FOUND for an unknown campaign', () => {
    given().when('CompleteCampaign', { campaignId: 'K1' }).thenFails('NOT_FOUND');
  });
});

describe('RecordCampaignTouch', () => {
  it("records the touch on the contact's stream, not the campaign's", () => {
    given({ ...contact, 'campaign-K1': [campaignLaunched('K1')] })
      .when('RecordCampaignTouch', touch)
      .thenWrites([{ streamId: 'contact-C1', events: [touched] }]);
  });

  it('refuses a touch after the campaign was completed', () => {
    given({ ...contact, 'campaign-K1': [campaignLaunched('K1'), completed] })
      .when('RecordCampaignTouch', touch, { occurredAt: '2025-03-10T00:00:01.000Z' })
      .thenFails('RULE_VIOLATED', /K1 was completed/);
  });

  it('accepts a late-reported touch that happened before the completion', () => {
    given({ ...contact, 'campaign-K1': [campaignLaunched('K1'), completed] })
      .when('RecordCampaignTouch', touch, { occurredAt: '2025-03-09T23:00:00+00:00' })
      .thenEmits([touched]);
  });

  it('is NOT_FOUND for an unknown campaign or contact', () => {
    given(contact)
      .when('RecordCampaignTouch', touch)
      .thenFails('NOT_FOUND', /Campaign K1/);
    given({ 'campaign-K1': [campaignLaunched('K1')] })
      .when('RecordCampaignTouch', touch)
      .thenFails('NOT_FOUND', /Contact C1/);
  });

  it('refuses an erased contact', () => {
    given({
      'campaign-K1': [campaignLaunched('K1')],
      'contact-C1': [
        contactRegistered('C1'),
        {
          type: 'ContactPersonalDataErased',
          data: { contactId: 'C1', reason: 'x', erasedSubjects: ['C1'] },
        },
      ],
    })
      .when('RecordCampaignTouch', touch)
      .thenFails('RULE_VIOLATED', /erased/);
  });
});
