import { contactRegistered } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';
import { type CustomFieldType } from './custom-field-definitions';

const contact = { 'contact-C1': [contactRegistered('C1')] };

describe('AssignContactOwner', () => {
  it('assigns an owner, naming the previous one', () => {
    given({ 'contact-C1': [contactRegistered('C1', { ownerId: 'U1' })] })
      .when('AssignContactOwner', { contactId: 'C1', ownerId: 'U2' })
      .thenEmits([
        {
          type: 'ContactOwnerAssigned',
          data: { contactId: 'C1', ownerId: 'U2', previousOwnerId: 'U1' },
        },
      ]);
  });

  it('assigns a first owner and answers no events for the same owner again', () => {
    const assigned: RecordedEvent = {
      type: 'ContactOwnerAssigned',
      data: { contactId: 'C1', ownerId: 'U2' },
    };
    given(contact)
      .when('AssignContactOwner', { contactId: 'C1', ownerId: 'U2' })
      .thenEmits([assigned]);
    given({ 'contact-C1': [contactRegistered('C1'), assigned] })
      .when('AssignContactOwner', { contactId: 'C1', ownerId: 'U2' })
      .thenEmits([]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given().when('AssignContactOwner', { contactId: 'C1', ownerId: 'U2' }).thenFails('NOT_FOUND');
  });
});

describe('RecordConsent', () => {
  it('records every statement, even one repeating the last', () => {
    const granted: RecordedEvent = {
      type: 'ConsentRecorded',
      data: { contactId: 'C1', channel: 'email', granted: true, source: 'web form' },
    };
    given({ 'contact-C1': [contactRegistered('C1'), granted] })
      .when('RecordConsent', {
        contactId: 'C1',
        channel: 'email',
        granted: true,
        source: 'web form',
      })
      .thenEmits([granted]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given()
      .when('RecordConsent', { contactId: 'C1', channel: 'sms', granted: false })
      .thenFails('NOT_FOUND');
  });
});

describe('SetCustomField', () => {
  const defined = (definition: {
    field: string;
    type: CustomFieldType;
    options?: readonly string[];
  }) => ({
    ...contact,
    'custom-fields-contact': [
      { type: 'CustomFieldDefined', data: { entity: 'contact', ...definition } } as RecordedEvent,
    ],
  });
  const set = (field: string, value: unknown) => ({
    type: 'CustomFieldSet',
    data: { contactId: 'C1', field, value },
  });

  it.each([
    [{ field: 'nickname', type: 'string' }, 'Countess'],
    [{ field: 'score', type: 'number' }, 42.5],
    [{ field: 'vip', type: 'boolean' }, false],
    [{ field: 'renewal', type: 'date' }, '2025-12-31'],
    [{ field: 'renewal', type: 'date' }, '2025-12-31T23:00:00+01:00'],
    [{ field: 'tier', type: 'enum', options: ['gold', 'silver'] }, 'silver'],
  ] as const)('accepts a value fitting %o: %p', (definition, value) => {
    given(defined(definition))
      .when('SetCustomField', { contactId: 'C1', field: definition.field, value })
      .thenEmits([set(definition.field, value) as RecordedEvent]);
  });

  it.each([
    [{ field: 'nickname', type: 'string' }, 7],
    [{ field: 'score', type: 'number' }, '42'],
    [{ field: 'vip', type: 'boolean' }, 'yes'],
    [{ field: 'renewal', type: 'date' }, '2025-02-30'],
    [{ field: 'renewal', type: 'date' }, 'next week'],
    [{ field: 'tier', type: 'enum', options: ['gold', 'silver'] }, 'bronze'],
  ] as const)('refuses a value outside %o: %p', (definition, value) => {
    given(defined(definition))
      .when('SetCustomField', { contactId: 'C1', field: definition.field, value })
      .thenFails('RULE_VIOLATED', new RegExp(`contact\\.${definition.field} takes`));
  });

  it('is NOT_FOUND for an undefined field or an unknown contact', () => {
    given(contact)
      .when('SetCustomField', { contactId: 'C1', field: 'vip', value: true })
      .thenFails('NOT_FOUND', /not defined/);
    given({
      'custom-fields-contact': defined({ field: 'vip', type: 'boolean' })['custom-fields-contact'],
    })
      .when('SetCustomField', { contactId: 'C1', field: 'vip', value: true })
      .thenFails('NOT_FOUND', /Contact C1 does not exist/);
  });

  it('answers no events when the field already holds the value', () => {
    const history = defined({ field: 'vip', type: 'boolean' });
    history['contact-C1'] = [contactRegistered('C1', { customFields: { vip: true } })];
    given(history)
      .when('SetCustomField', { contactId: 'C1', field: 'vip', value: true })
      .thenEmits([]);
  });
});
