import { contactRegistered } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';

const stream = 'contact-C1';
const register = { contactId: 'C1', firstName: 'Ada', email: 'ada@example.com' };
const definitions = (...events: RecordedEvent[]) => ({
  'custom-fields-contact': events,
});

describe('RegisterContact', () => {
  it('registers a lead with status new by default', () => {
    given()
      .when('RegisterContact', { ...register, occurredAt: '2025-01-01T00:00:00Z' })
      .thenEmits([contactRegistered('C1')]);
  });

  it('keeps the stage, status and descriptive fields given, and no stray keys', () => {
    given()
      .when('RegisterContact', {
        contactId: 'C1',
        phone: '+44 20 7946 0000',
        company: 'Acme',
        lifecycleStage: 'subscriber',
        leadStatus: 'open',
        campaignId: 'K1',
        unknownKey: 'dropped',
      })
      .thenEmits([
        {
          type: 'ContactRegistered',
          data: {
            contactId: 'C1',
            phone: '+44 20 7946 0000',
            company: 'Acme',
            campaignId: 'K1',
            lifecycleStage: 'subscriber',
            leadStatus: 'open',
          },
        },
      ]);
  });

  it('suspects one duplicate per candidate the application found, skipping itself', () => {
    given()
      .when('RegisterContact', register, {
        duplicateCandidates: [
          { contactId: 'C7', matchedOn: 'email' },
          { contactId: 'C8', matchedOn: 'phone' },
          { contactId: 'C1', matchedOn: 'email' },
        ],
      })
      .thenEmits([
        contactRegistered('C1'),
        {
          type: 'DuplicateSuspected',
          data: { contactId: 'C1', duplicateOfContactId: 'C7', matchedOn: 'email' },
        },
        {
          type: 'DuplicateSuspected',
          data: { contactId: 'C1', duplicateOfContactId: 'C8', matchedOn: 'phone' },
        },
      ]);
  });

  it('refuses a contact with neither a name, an e-mail nor a phone', () => {
    given()
      .when('RegisterContact', { contactId: 'C1', firstName: '  ', company: 'Acme' })
      .thenFails('RULE_VIOLATED', /name, an e-mail or a phone/);
  });

  it('checks custom fields against their definitions', () => {
    const tier = {
      type: 'CustomFieldDefined',
      data: { entity: 'contact', field: 'tier', type: 'number' },
    } as const;
    given(definitions(tier))
      .when('RegisterContact', { ...register, customFields: { tier: 'gold' } })
      .thenFails('RULE_VIOLATED', /contact\.tier takes number/);
    given(definitions(tier))
      .when('RegisterContact', { ...register, customFields: { vip: true } })
      .thenFails('NOT_FOUND', /contact\.vip is not defined/);
    given(definitions(tier))
      .when('RegisterContact', { ...register, customFields: { tier: 2 } })
      .thenEmits([contactRegistered('C1', { customFields: { tier: 2 } })]);
  });

  it('treats the same registration again as a harmless repeat', () => {
    given({ [stream]: [contactRegistered('C1')] })
      .when(
        'RegisterContact',
        { ...register, lifecycleStage: 'lead' },
        { occurredAt: '2026-01-01T00:00:00Z' },
      )
      .thenEmits([]);
  });

  it('refuses a different registration for an existing id', () => {
    given({ [stream]: [contactRegistered('C1')] })
      .when('RegisterContact', { ...register, firstName: 'Grace' })
      .thenFails('ALREADY_EXISTS', /Contact C1 already exists/);
  });
});

describe('UpdateContactDetails', () => {
  const history = { [stream]: [contactRegistered('C1', { lastName: 'Lovelace' })] };

  it('records only the fields that changed, null clearing one', () => {
    given(history)
      .when('UpdateContactDetails', {
        contactId: 'C1',
        firstName: 'Ada',
        lastName: null,
        jobTitle: 'CTO',
      })
      .thenEmits([
        {
          type: 'ContactDetailsUpdated',
          data: { contactId: 'C1', lastName: null, jobTitle: 'CTO' },
        },
      ]);
  });

  it('answers no events when nothing changes', () => {
    given(history)
      .when('UpdateContactDetails', { contactId: 'C1', email: 'ada@example.com' })
      .thenEmits([]);
  });

  it('suspects new duplicates when the e-mail or phone changes, not those known already', () => {
    given({
      [stream]: [
        contactRegistered('C1'),
        {
          type: 'DuplicateSuspected',
          data: { contactId: 'C1', duplicateOfContactId: 'C7', matchedOn: 'email' },
        },
      ],
    })
      .when(
        'UpdateContactDetails',
        { contactId: 'C1', email: 'ada@work.example' },
        {
          duplicateCandidates: [
            { contactId: 'C7', matchedOn: 'email' },
            { contactId: 'C9', matchedOn: 'email' },
          ],
        },
      )
      .thenEmits([
        { type: 'ContactDetailsUpdated', data: { contactId: 'C1', email: 'ada@work.example' } },
        {
          type: 'DuplicateSuspected',
          data: { contactId: 'C1', duplicateOfContactId: 'C9', matchedOn: 'email' },
        },
      ]);
  });

  it('does not look for duplicates when neither e-mail nor phone changes', () => {
    given(history)
      .when(
        'UpdateContactDetails',
        { contactId: 'C1', jobTitle: 'CTO' },
        {
          duplicateCandidates: [{ contactId: 'C9', matchedOn: 'email' }],
        },
      )
      .thenEmits([{ type: 'ContactDetailsUpdated', data: { contactId: 'C1', jobTitle: 'CTO' } }]);
  });

  it('refuses to clear the last name, e-mail and phone', () => {
    given({ [stream]: [contactRegistered('C1', { firstName: undefined })] })
      .when('UpdateContactDetails', { contactId: 'C1', email: null })
      .thenFails('RULE_VIOLATED', /at least one of a name/);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given()
      .when('UpdateContactDetails', { contactId: 'C1', jobTitle: 'CTO' })
      .thenFails('NOT_FOUND');
  });
});
