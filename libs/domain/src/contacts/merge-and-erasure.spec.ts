import { contactRegistered } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';

const merged: RecordedEvent = {
  type: 'ContactsMerged',
  data: { contactId: 'C2', survivorContactId: 'C1', duplicateContactId: 'C2' },
};
const erased = (contactId: string): RecordedEvent => ({
  type: 'ContactPersonalDataErased',
  data: { contactId, reason: 'request', erasedSubjects: [contactId] },
});
const twoContacts = {
  'contact-C1': [contactRegistered('C1')],
  'contact-C2': [contactRegistered('C2')],
};
const admin = { actorRoles: ['admin'] };

describe('MergeContacts', () => {
  it('records the merge on the duplicate first, then on the survivor', () => {
    given(twoContacts)
      .when('MergeContacts', { survivorContactId: 'C1', duplicateContactId: 'C2' })
      .thenWrites([
        { streamId: 'contact-C2', events: [merged] },
        {
          streamId: 'contact-C1',
          events: [
            {
              type: 'ContactsMerged',
              data: { contactId: 'C1', survivorContactId: 'C1', duplicateContactId: 'C2' },
            },
          ],
        },
      ]);
  });

  it('refuses to merge a contact into itself', () => {
    given(twoContacts)
      .when('MergeContacts', { survivorContactId: 'C1', duplicateContactId: 'C1' })
      .thenFails('RULE_VIOLATED', /into itself/);
  });

  it('refuses a merged-away contact on either side, naming its survivor', () => {
    const history = {
      ...twoContacts,
      'contact-C2': [contactRegistered('C2'), merged],
      'contact-C3': [contactRegistered('C3')],
    };
    given(history)
      .when('MergeContacts', { survivorContactId: 'C3', duplicateContactId: 'C2' })
      .thenFails('RULE_VIOLATED', /C2 was merged into contact C1/);
    given(history)
      .when('MergeContacts', { survivorContactId: 'C2', duplicateContactId: 'C3' })
      .thenFails('RULE_VIOLATED', /C2 was merged into contact C1/);
  });

  it('is NOT_FOUND when either contact is unknown', () => {
    given({ 'contact-C1': [contactRegistered('C1')] })
      .when('MergeContacts', { survivorContactId: 'C1', duplicateContactId: 'C2' })
      .thenFails('NOT_FOUND', /C2/);
    given({ 'contact-C2': [contactRegistered('C2')] })
      .when('MergeContacts', { survivorContactId: 'C1', duplicateContactId: 'C2' })
      .thenFails('NOT_FOUND', /C1/);
  });

  it('refuses every later command on the merged-away contact, naming the survivor', () => {
    const history = { 'contact-C2': [contactRegistered('C2'), merged] };
    given(history)
      .when('AssignContactOwner', { contactId: 'C2', ownerId: 'U1' })
      .thenFails('RULE_VIOLATED', /merged into contact C1/);
    given(history)
      .when('RegisterContact', { contactId: 'C2', firstName: 'Ada', email: 'ada@example.com' })
      .thenFails('RULE_VIOLATED', /merged into contact C1/);
  });
});

describe('EraseContactPersonalData', () => {
  it('lets an admin erase, listing the keys to shred including merged-in contacts', () => {
    given({
      'contact-C1': [
        contactRegistered('C1'),
        { ...merged, data: { ...merged.data, contactId: 'C1' } },
      ],
    })
      .when('EraseContactPersonalData', { contactId: 'C1', reason: 'GDPR request 17' }, admin)
      .thenEmits([
        {
          type: 'ContactPersonalDataErased',
          data: { contactId: 'C1', reason: 'GDPR request 17', erasedSubjects: ['C1', 'C2'] },
        },
      ]);
  });

  it('refuses anyone but an admin', () => {
    given(twoContacts)
      .when(
        'EraseContactPersonalData',
        { contactId: 'C1', reason: 'x' },
        { actorRoles: ['service'] },
      )
      .thenFails('RULE_VIOLATED', /Only an admin/);
  });

  it('records nothing when an erased contact is erased again, so the caller can finish it', () => {
    given({ 'contact-C1': [contactRegistered('C1'), erased('C1')] })
      .when('EraseContactPersonalData', { contactId: 'C1', reason: 'again' }, admin)
      .thenWrites([{ streamId: 'contact-C1', events: [] }]);
  });

  it('still refuses a repeated erasure from anyone but an admin', () => {
    given({ 'contact-C1': [contactRegistered('C1'), erased('C1')] })
      .when('EraseContactPersonalData', { contactId: 'C1', reason: 'x' }, { actorRoles: [] })
      .thenFails('RULE_VIOLATED', /Only an admin/);
  });

  it('refuses every other later command on an erased contact, naming the erasure', () => {
    const history = { 'contact-C1': [contactRegistered('C1'), erased('C1')] };
    given(history)
      .when('SetLeadStatus', { contactId: 'C1', status: 'open' })
      .thenFails('RULE_VIOLATED', /personal data erased/);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given()
      .when('EraseContactPersonalData', { contactId: 'C1', reason: 'x' }, admin)
      .thenFails('NOT_FOUND');
  });
});
