import { exampleCommandPayloads } from '../commands/command-examples';
import type { CommandType } from '@chronicle/domain';
import { validateCommand } from './validate-command';

const NOW = new Date('2025-03-01T12:00:00Z');

function example(
  type: CommandType,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...structuredClone(exampleCommandPayloads[type]), ...changes };
}

/** The problems of `example(type, changes)`, or undefined when it passes. */
function problemsWith(
  type: CommandType,
  changes: Record<string, unknown>,
): Record<string, string[]> | undefined {
  const result = validateCommand(type, example(type, changes), NOW);
  if (result.ok) return undefined;
  return Object.fromEntries(result.problems.map(({ field, problems }) => [field, problems]));
}

function expectRefusedOn(type: CommandType, changes: Record<string, unknown>, field: string) {
  expect(Object.keys(problemsWith(type, changes) ?? {})).toEqual([field]);
}

function expectAccepted(type: CommandType, changes: Record<string, unknown>) {
  expect(problemsWith(type, changes)).toBeUndefined();
}

describe('ids', () => {
  it.each(['C-1', 'a_b.c:d-e', 'X'.repeat(128), 'urn:crm:contact:42'])(
    'accepts %p',
    (contactId) => {
      expectAccepted('SetLeadStatus', { contactId });
    },
  );

  it.each(['', 'C 1', 'C/1', 'C#1', 'Müller', 'X'.repeat(129), 'C-1\n'])(
    'refuses %p',
    (contactId) => {
      expectRefusedOn('SetLeadStatus', { contactId }, 'contactId');
    },
  );

  it('names the allowed characters', () => {
    expect(problemsWith('SetLeadStatus', { contactId: 'C 1' })).toEqual({
      contactId: ['contactId must be 1–128 characters of A-Z a-z 0-9 _ . : -'],
    });
  });
});

describe('free text', () => {
  it('refuses blank text', () => {
    expectRefusedOn('DisqualifyLead', { reason: '  \n ' }, 'reason');
  });

  it.each([
    ['firstName', 'RegisterContact', 100],
    ['subject', 'OpenTicket', 200],
    ['reason', 'DisqualifyLead', 2_000],
    ['notes', 'LogInteraction', 10_000],
  ] as const)('bounds %s of %s at %i characters', (field, type, max) => {
    expectAccepted(type, { [field]: 'x'.repeat(max) });
    expectRefusedOn(type, { [field]: 'x'.repeat(max + 1) }, field);
  });
});

describe('contact details', () => {
  it.each(['ada', 'ada@', '@example.com', 'ada example.com'])('refuses email %p', (email) => {
    expectRefusedOn('RegisterContact', { email }, 'email');
  });

  it.each(['+4930123456', '(030) 123-456', '+1 555.010.0199'])('accepts phone %p', (phone) => {
    expectAccepted('RegisterContact', { phone });
  });

  it.each(['call me', '12', 'n/a', '+49 30 1234 5678 9012 3456 7890 12'])(
    'refuses phone %p',
    (phone) => {
      expectRefusedOn('RegisterContact', { phone }, 'phone');
    },
  );

  it.each(['1985-02-30', '1985-12-10T00:00:00Z', '10.12.1985', '1985-1-9'])(
    'refuses birthDate %p, which is not a calendar day as YYYY-MM-DD',
    (birthDate) => {
      expectRefusedOn('RegisterContact', { birthDate }, 'birthDate');
    },
  );

  it('refuses an empty address and a social profile with neither handle nor url', () => {
    expectRefusedOn('UpdateContactDetails', { address: {} }, 'address._');
    expectRefusedOn(
      'UpdateContactDetails',
      { socialProfiles: [{ network: 'x' }] },
      'socialProfiles.0._',
    );
  });

  it('refuses a social profile url that is not http(s)', () => {
    const socialProfiles = [{ network: 'x', url: 'javascript:alert(1)' }];
    expectRefusedOn('UpdateContactDetails', { socialProfiles }, 'socialProfiles.0.url');
  });
});

describe('RegisterContact: at least one of name, email or phone', () => {
  const bare = { firstName: undefined, lastName: undefined, email: undefined, phone: undefined };

  it('refuses a contact with none of them, on field _', () => {
    expect(problemsWith('RegisterContact', bare)).toEqual({
      _: ['at least one of firstName, lastName, email or phone is required'],
    });
  });

  it.each([
    { lastName: 'Lovelace' },
    { firstName: 'Ada' },
    { email: 'a@b.io' },
    { phone: '+1 555 0100' },
  ])('accepts %p alone', (one) => {
    expectAccepted('RegisterContact', { ...bare, ...one });
  });

  it('refuses a payload that sends _ itself', () => {
    expect(problemsWith('RegisterContact', { _: true })).toEqual({
      _: ['property _ should not exist'],
    });
  });

  it('refuses an UpdateContactDetails that changes nothing', () => {
    expect(validateCommand('UpdateContactDetails', { contactId: 'C-1' }, NOW)).toEqual({
      ok: false,
      problems: [{ field: '_', problems: ['at least one contact detail to change is required'] }],
    });
  });
});

describe('enums', () => {
  it.each([
    ['ChangeLifecycleStage', 'stage', 'prospect'],
    ['ChangeLifecycleStage', 'stage', 'Lead'],
    ['SetLeadStatus', 'status', 'closed'],
    ['QualifyLead', 'qualification', 'product'],
    ['RecordConsent', 'channel', 'fax'],
    ['OpenTicket', 'priority', 'critical'],
    ['OpenTicket', 'channel', 'sms'],
    ['LogInteraction', 'kind', 'visit'],
    ['LogInteraction', 'direction', 'both'],
    ['LogInteraction', 'sentiment', 'angry'],
    ['RecordFeedback', 'kind', 'praise'],
    ['LaunchCampaign', 'channel', 'tv'],
    ['RecordCampaignTouch', 'kind', 'bounced'],
    ['DefineCustomField', 'entity', 'account'],
  ] as const)('%s refuses %s %p', (type, field, value) => {
    expectRefusedOn(type, { [field]: value }, field);
  });

  it('lists the allowed values', () => {
    expect(problemsWith('SetLeadStatus', { status: 'closed' })).toEqual({
      status: [
        'status must be one of the following values: new, open, in_progress, open_deal, ' +
          'unqualified, attempted_to_contact, connected, bad_timing',
      ],
    });
  });
});

describe('numbers and ranges', () => {
  it.each([
    ['OpenDeal', 'amount', -0.01],
    ['OpenDeal', 'amount', 1e13],
    ['OpenDeal', 'probability', 1.01],
    ['OpenDeal', 'probability', -0.1],
    ['AdvanceDealStage', 'probability', 2],
    ['WinDeal', 'amount', -1],
    ['LaunchCampaign', 'budget', -5],
    ['RecordSurveyResponse', 'score', 11],
    ['RecordSurveyResponse', 'score', -1],
    ['RecordSurveyResponse', 'score', 7.5],
    ['CloseTicket', 'satisfactionScore', 0],
    ['CloseTicket', 'satisfactionScore', 6],
    ['CloseTicket', 'satisfactionScore', 4.5],
    ['LogInteraction', 'durationSeconds', -1],
    ['LogInteraction', 'durationSeconds', 1.5],
    ['DefineSlaPolicy', 'firstResponseSeconds', 0],
  ] as const)('%s refuses %s %p', (type, field, value) => {
    expectRefusedOn(type, { [field]: value }, field);
  });

  it.each([
    ['OpenDeal', 'amount', 0],
    ['OpenDeal', 'probability', 0],
    ['OpenDeal', 'probability', 1],
    ['RecordSurveyResponse', 'score', 0],
    ['RecordSurveyResponse', 'score', 10],
    ['CloseTicket', 'satisfactionScore', 1],
    ['CloseTicket', 'satisfactionScore', 5],
    ['LogInteraction', 'durationSeconds', 0],
  ] as const)('%s accepts %s %p', (type, field, value) => {
    expectAccepted(type, { [field]: value });
  });

  it.each([0, -1, 1.5, '1'])('refuses item quantity %p', (quantity) => {
    const items = [{ sku: 'SKU-1', quantity, unitPrice: 10 }];
    expectRefusedOn('RecordPurchase', { items }, 'items.0.quantity');
  });

  it('refuses a negative unit price', () => {
    const items = [{ sku: 'SKU-1', quantity: 1, unitPrice: -10 }];
    expectRefusedOn('RecordPurchase', { items }, 'items.0.unitPrice');
  });

  it.each(['eur', 'EURO', 'E1R', 978])('refuses currency %p', (currency) => {
    expectRefusedOn('OpenDeal', { currency }, 'currency');
  });
});

describe('deal stages', () => {
  it.each(['won', 'lost', 'Won', ' LOST '])('refuses the reserved stage %p', (stage) => {
    expectRefusedOn('OpenDeal', { stage }, 'stage');
    expectRefusedOn('AdvanceDealStage', { stage }, 'stage');
  });

  it('accepts a pipeline of its own, including stage names that merely contain won', () => {
    expectAccepted('AdvanceDealStage', { stage: 'won-back review' });
  });

  it('refuses a date-time for expectedCloseDate, which is a day', () => {
    expectRefusedOn('OpenDeal', { expectedCloseDate: '2025-06-30T00:00:00Z' }, 'expectedCloseDate');
  });
});

describe('nested arrays', () => {
  it('refuses an order without items and one with too many', () => {
    expectRefusedOn('RecordPurchase', { items: [] }, 'items');
    const item = { sku: 'SKU-1', quantity: 1, unitPrice: 1 };
    expectRefusedOn('RecordPurchase', { items: Array.from({ length: 501 }, () => item) }, 'items');
  });

  it('refuses a survey response without answers', () => {
    expectRefusedOn('RecordSurveyResponse', { answers: [] }, 'answers');
  });

  it('refuses arrays of arrays and of scalars', () => {
    const item = { sku: 'SKU-1', quantity: 1, unitPrice: 1 };
    expectRefusedOn('RecordPurchase', { items: [[item]] }, 'items');
    expectRefusedOn('RecordPurchase', { items: [item, 'SKU-2'] }, 'items');
  });

  it('bounds social profiles at 20', () => {
    const profile = { network: 'x', handle: 'ada' };
    const socialProfiles = Array.from({ length: 21 }, () => profile);
    expectRefusedOn('UpdateContactDetails', { socialProfiles }, 'socialProfiles');
  });
});

describe('custom fields', () => {
  it('accepts a flat object of strings, numbers and booleans', () => {
    expectAccepted('RegisterContact', { customFields: { tier: 'gold', visits: 3, vip: false } });
  });

  it.each([
    ['a nested object', { address: { city: 'Rome' } }],
    ['an array value', { tags: ['a', 'b'] }],
    ['a null value', { tier: null }],
    ['a name that is not an identifier', { '1st-tier': 'gold' }],
    ['an array instead of an object', ['gold']],
  ])('refuses customFields with %s', (_case, customFields) => {
    expectRefusedOn('RegisterContact', { customFields }, 'customFields');
  });

  it.each(['gold', 3, 2.5, true, false])('SetCustomField accepts the value %p', (value) => {
    expectAccepted('SetCustomField', { value });
  });

  it.each([null, { tier: 'gold' }, ['gold'], 'x'.repeat(1_001)])(
    'SetCustomField refuses the value %p',
    (value) => {
      expectRefusedOn('SetCustomField', { value }, 'value');
    },
  );

  it('DefineCustomField wants options for an enum, and only for an enum', () => {
    expect(problemsWith('DefineCustomField', { options: undefined })).toEqual({
      options: ['options is required when type is enum'],
    });
    expect(problemsWith('DefineCustomField', { type: 'number' })).toEqual({
      options: ['options is allowed only when type is enum'],
    });
    expectAccepted('DefineCustomField', { type: 'number', options: undefined });
  });

  it.each([[[]], [['a', 'a']], [['a', ' ']], [['a', 1]]])(
    'DefineCustomField refuses the options %p',
    (options) => {
      expectRefusedOn('DefineCustomField', { options }, 'options');
    },
  );
});

describe('rules across fields', () => {
  it('refuses a campaign that ends before it starts', () => {
    expect(problemsWith('LaunchCampaign', { endsAt: '2025-02-28T23:59:59Z' })).toEqual({
      endsAt: ['endsAt must be later than startsAt'],
    });
  });

  it('compares campaign times as instants, not as text', () => {
    expectAccepted('LaunchCampaign', {
      startsAt: '2025-03-01T10:00:00+02:00',
      endsAt: '2025-03-01T09:00:00Z',
    });
  });

  it('refuses an SLA policy that must be resolved before it can be answered', () => {
    expect(
      problemsWith('DefineSlaPolicy', { firstResponseSeconds: 7_200, resolutionSeconds: 3_600 }),
    ).toEqual({
      resolutionSeconds: ['resolutionSeconds must not be less than firstResponseSeconds'],
    });
  });

  it('refuses merging a contact into itself', () => {
    expect(problemsWith('MergeContacts', { duplicateContactId: 'C-1' })).toEqual({
      duplicateContactId: ['duplicateContactId must differ from survivorContactId'],
    });
  });

  it('refuses allowBackward that is not a boolean', () => {
    expectRefusedOn('ChangeLifecycleStage', { allowBackward: 'yes' }, 'allowBackward');
    expectAccepted('ChangeLifecycleStage', { stage: 'lead', allowBackward: true });
  });
});
