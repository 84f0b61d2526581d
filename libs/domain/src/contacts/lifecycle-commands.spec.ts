import { contactRegistered } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';
import { type LifecycleStage } from './lifecycle';

const stream = 'contact-C1';
const inStage = (stage: LifecycleStage, ...more: RecordedEvent[]) => ({
  [stream]: [contactRegistered('C1', { lifecycleStage: stage }), ...more],
});
const moved = (from: LifecycleStage, to: LifecycleStage): RecordedEvent => ({
  type: 'LifecycleStageChanged',
  data: { contactId: 'C1', from, to },
});
const admin = { actorRoles: ['admin'] };

describe('ChangeLifecycleStage', () => {
  it('moves forward, skipping stages freely', () => {
    given(inStage('lead'))
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'customer', reason: 'signed' })
      .thenEmits([
        {
          type: 'LifecycleStageChanged',
          data: { contactId: 'C1', from: 'lead', to: 'customer', reason: 'signed' },
        },
      ]);
  });

  it('refuses the stage the contact is in', () => {
    given(inStage('lead'))
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'lead' })
      .thenFails('RULE_VIOLATED', /already in stage lead/);
  });

  it('refuses a move back without allowBackward, even for an admin', () => {
    given(inStage('customer'))
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'lead' }, admin)
      .thenFails('RULE_VIOLATED', /cannot move back from customer to lead/);
  });

  it('refuses a move back with allowBackward from a non-admin', () => {
    given(inStage('customer'))
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'lead', allowBackward: true })
      .thenFails('RULE_VIOLATED', /Only an admin/);
  });

  it('lets an admin move back with allowBackward, marking the move and its reason', () => {
    given(inStage('customer'))
      .when(
        'ChangeLifecycleStage',
        { contactId: 'C1', stage: 'lead', allowBackward: true, reason: 'imported wrongly' },
        admin,
      )
      .thenEmits([
        {
          type: 'LifecycleStageChanged',
          data: {
            contactId: 'C1',
            from: 'customer',
            to: 'lead',
            reason: 'imported wrongly',
            backward: true,
          },
        },
      ]);
  });

  it('moves to other from any stage without being a move back', () => {
    given(inStage('evangelist'))
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'other' })
      .thenEmits([moved('evangelist', 'other')]);
  });

  it('measures a move out of other against the ladder stage held before it', () => {
    const detour = inStage('customer', moved('customer', 'other'));
    given(detour)
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'lead' })
      .thenFails('RULE_VIOLATED');
    given(detour)
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'customer' })
      .thenEmits([moved('other', 'customer')]);
  });

  it('lets a contact registered as other enter the ladder anywhere', () => {
    given(inStage('other'))
      .when('ChangeLifecycleStage', { contactId: 'C1', stage: 'subscriber' })
      .thenEmits([moved('other', 'subscriber')]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given().when('ChangeLifecycleStage', { contactId: 'C1', stage: 'lead' }).thenFails('NOT_FOUND');
  });
});

describe('QualifyLead', () => {
  it('records the qualification and the stage change it implies', () => {
    given(inStage('lead'))
      .when('QualifyLead', {
        contactId: 'C1',
        qualification: 'marketing',
        campaignId: 'K1',
        reason: 'webinar',
      })
      .thenEmits([
        {
          type: 'LeadQualified',
          data: {
            contactId: 'C1',
            qualification: 'marketing',
            campaignId: 'K1',
            reason: 'webinar',
          },
        },
        {
          type: 'LifecycleStageChanged',
          data: { contactId: 'C1', from: 'lead', to: 'marketingqualifiedlead', reason: 'webinar' },
        },
      ]);
  });

  it('lets a marketing-qualified lead be sales-qualified', () => {
    given(inStage('marketingqualifiedlead'))
      .when('QualifyLead', { contactId: 'C1', qualification: 'sales' })
      .thenEmits([
        { type: 'LeadQualified', data: { contactId: 'C1', qualification: 'sales' } },
        moved('marketingqualifiedlead', 'salesqualifiedlead'),
      ]);
  });

  it('refuses a qualification the contact is at or past', () => {
    given(inStage('marketingqualifiedlead'))
      .when('QualifyLead', { contactId: 'C1', qualification: 'marketing' })
      .thenFails('RULE_VIOLATED', /already past the marketing qualification/);
    given(inStage('opportunity'))
      .when('QualifyLead', { contactId: 'C1', qualification: 'sales' })
      .thenFails('RULE_VIOLATED', /already past the sales qualification/);
  });

  it('judges a contact in other by the ladder stage it held before', () => {
    given(inStage('customer', moved('customer', 'other')))
      .when('QualifyLead', { contactId: 'C1', qualification: 'sales' })
      .thenFails('RULE_VIOLATED');
  });
});

describe('DisqualifyLead', () => {
  it('records the disqualification with its reason', () => {
    given(inStage('lead'))
      .when('DisqualifyLead', { contactId: 'C1', reason: 'no budget' })
      .thenEmits([{ type: 'LeadDisqualified', data: { contactId: 'C1', reason: 'no budget' } }]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given().when('DisqualifyLead', { contactId: 'C1', reason: 'x' }).thenFails('NOT_FOUND');
  });
});

describe('SetLeadStatus', () => {
  it('records the change from the current status', () => {
    given(inStage('lead'))
      .when('SetLeadStatus', { contactId: 'C1', status: 'attempted_to_contact' })
      .thenEmits([
        {
          type: 'LeadStatusChanged',
          data: { contactId: 'C1', from: 'new', to: 'attempted_to_contact' },
        },
      ]);
  });

  it('sees the unqualified status a disqualification left', () => {
    given(inStage('lead', { type: 'LeadDisqualified', data: { contactId: 'C1', reason: 'x' } }))
      .when('SetLeadStatus', { contactId: 'C1', status: 'open' })
      .thenEmits([
        { type: 'LeadStatusChanged', data: { contactId: 'C1', from: 'unqualified', to: 'open' } },
      ]);
  });

  it('answers no events for the status the lead already has', () => {
    given(inStage('lead')).when('SetLeadStatus', { contactId: 'C1', status: 'new' }).thenEmits([]);
  });
});
