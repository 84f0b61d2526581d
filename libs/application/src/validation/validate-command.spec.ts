import { exampleCommandPayloads } from '../commands/command-examples';
import type { CommandType } from '@chronicle/domain';
import { validateCommand } from './validate-command';

const NOW = new Date('2025-03-01T12:00:00Z');

function problemsOf(type: string, body: unknown): Record<string, string[]> {
  const result = validateCommand(type, body, NOW);
  if (result.ok) throw new Error(`expected ${type} to be refused: ${JSON.stringify(body)}`);
  return Object.fromEntries(result.problems.map(({ field, problems }) => [field, problems]));
}

function payloadOf(type: CommandType, body: unknown): Record<string, unknown> {
  const result = validateCommand(type, body, NOW);
  if (!result.ok) throw new Error(`expected ${type} to pass: ${JSON.stringify(result.problems)}`);
  return result.payload;
}

function example(
  type: CommandType,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...structuredClone(exampleCommandPayloads[type]), ...changes };
}

describe('validateCommand: the body', () => {
  it.each([
    ['null', null],
    ['an array', [{ contactId: 'C-1' }]],
    ['a string', '{"contactId":"C-1"}'],
    ['a number', 42],
    ['undefined', undefined],
    ['a Date', new Date()],
    ['a class instance', new (class Payload {})()],
  ])('refuses %s as the payload', (_name, body) => {
    expect(problemsOf('CloseTicket', body)).toEqual({ _: ['the payload must be a JSON object'] });
  });

  it('answers an unknown command type on field _, as the caller should have', () => {
    expect(problemsOf('ShipParcel', { parcelId: 'P-1' })).toEqual({
      _: ['unknown command type "ShipParcel"'],
    });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'does not take the inherited name %s for a command type',
    (type) => {
      expect(problemsOf(type, {})).toEqual({ _: [`unknown command type "${type}"`] });
    },
  );

  it('reports every problem of a payload at once', () => {
    const problems = problemsOf('OpenTicket', { ticketId: 'T 1', subject: '', priority: 'p1' });
    expect(Object.keys(problems).sort()).toEqual(
      ['channel', 'contactId', 'priority', 'subject', 'ticketId'].sort(),
    );
  });

  it('refuses values JSON cannot carry, such as functions, dates and bigints', () => {
    const problems = problemsOf('RegisterContact', {
      contactId: 'C-1',
      email: 'ada@example.com',
      firstName: () => 'Ada',
      birthDate: new Date('1985-12-10'),
      customFields: { visits: BigInt(3) },
    });
    expect(problems['firstName']).toContain('firstName must be a JSON value');
    expect(problems['birthDate']).toContain('birthDate must be a JSON value');
    expect(problems['customFields.visits']).toEqual(['customFields.visits must be a JSON value']);
  });

  it('takes undefined members, which JSON cannot send, for absent ones', () => {
    const payload = payloadOf('RegisterContact', {
      contactId: 'C-1',
      email: 'a@b.io',
      phone: undefined,
    });
    expect(payload).toEqual({ contactId: 'C-1', email: 'a@b.io' });
    expect(Object.keys(payload)).not.toContain('phone');
  });

  it('answers a deeply nested body with a problem instead of exhausting the stack', () => {
    let nested: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) nested = [nested];
    const problems = problemsOf('RegisterContact', {
      contactId: 'C-1',
      email: 'a@b.io',
      customFields: { nested },
    });
    const tooDeep = Object.keys(problems).find((field) =>
      field.startsWith('customFields.nested.0'),
    );
    expect(problems[tooDeep!]).toEqual([`${tooDeep} is nested more than 8 levels deep`]);
  });
});

describe('validateCommand: unknown and missing fields', () => {
  it('refuses an unknown top-level field', () => {
    expect(problemsOf('CloseTicket', { ticketId: 'T-1', rating: 5 })).toEqual({
      rating: ['property rating should not exist'],
    });
  });

  it('refuses unknown fields inside nested objects and arrays, naming their path', () => {
    expect(
      problemsOf('UpdateContactDetails', {
        contactId: 'C-1',
        address: { city: 'London', zip: 'SW1Y' },
        socialProfiles: [
          { network: 'x', handle: 'ada' },
          { network: 'github', url: 'https://github.com/ada', stars: 3 },
        ],
      }),
    ).toEqual({
      'address.zip': ['property zip should not exist'],
      'socialProfiles.1.stars': ['property stars should not exist'],
    });
    expect(
      problemsOf(
        'RecordPurchase',
        example('RecordPurchase', {
          items: [{ sku: 'S', quantity: 1, unitPrice: 1, discount: 0.1 }],
        }),
      ),
    ).toEqual({ 'items.0.discount': ['property discount should not exist'] });
  });

  it('refuses a missing required field, and says null is not a value', () => {
    expect(problemsOf('ResolveTicket', { ticketId: 'T-1' })).toEqual({
      resolution: ['resolution is required'],
    });
    expect(problemsOf('ResolveTicket', { ticketId: null, resolution: 'Fixed' })).toEqual({
      ticketId: ['ticketId must not be null'],
    });
  });

  it('refuses null for an optional field: leave it out instead', () => {
    expect(problemsOf('LoseDeal', { dealId: 'D-1', reason: null })).toEqual({
      reason: ['reason must be a string'],
    });
  });

  it('refuses a missing required field inside an array element', () => {
    expect(
      problemsOf(
        'RecordSurveyResponse',
        example('RecordSurveyResponse', { answers: [{ question: 'Why?' }] }),
      ),
    ).toEqual({
      'answers.0.answer': ['answer is required'],
    });
  });
});

describe('validateCommand: types are checked, never coerced', () => {
  it.each([
    ['a numeric string for a number', 'WinDeal', { dealId: 'D-1', amount: '11500' }, 'amount'],
    [
      'a string for a boolean',
      'RecordConsent',
      { contactId: 'C-1', channel: 'email', granted: 'true' },
      'granted',
    ],
    ['a number for an id', 'CompleteCampaign', { campaignId: 1 }, 'campaignId'],
    ['a number for text', 'DisqualifyLead', { contactId: 'C-1', reason: 404 }, 'reason'],
    [
      'an object for a string',
      'SetLeadStatus',
      { contactId: 'C-1', status: { value: 'new' } },
      'status',
    ],
    [
      'a string for an integer',
      'CloseTicket',
      { ticketId: 'T-1', satisfactionScore: '5' },
      'satisfactionScore',
    ],
    [
      'an array for a nested object',
      'UpdateContactDetails',
      { contactId: 'C-1', address: [{ city: 'Paris' }] },
      'address',
    ],
    [
      'an object for an array',
      'RecordPurchase',
      example('RecordPurchase', { items: { sku: 'S', quantity: 1, unitPrice: 1 } }),
      'items',
    ],
    ['NaN for a number', 'WinDeal', { dealId: 'D-1', amount: NaN }, 'amount'],
  ])('refuses %s', (_name, type, body, field) => {
    const problems = problemsOf(type, body);
    expect(Object.keys(problems)).toEqual([field]);
    // One message: a wrong type is not also reported as out of range.
    expect(problems[field]).toHaveLength(1);
  });

  it('refuses a numeric string inside an array element, naming its path', () => {
    expect(
      problemsOf(
        'RecordPurchase',
        example('RecordPurchase', { items: [{ sku: 'S', quantity: '2', unitPrice: 1 }] }),
      ),
    ).toEqual({ 'items.0.quantity': ['quantity must be an integer number'] });
  });

  it('keeps the values it accepts exactly as sent', () => {
    const payload = payloadOf('RecordPurchase', example('RecordPurchase'));
    expect(payload['items']).toEqual([
      { sku: 'SKU-ENGINE-1', quantity: 2, unitPrice: 49.5 },
      { sku: 'SKU-SUPPORT-Y', quantity: 1, unitPrice: 199 },
    ]);
  });
});

describe('validateCommand: occurredAt', () => {
  const at = (occurredAt: unknown) => ({ ticketId: 'T-1', occurredAt });

  it('accepts a time in the past, for imports and backfills', () => {
    expect(payloadOf('CloseTicket', at('2019-07-01T08:00:00+02:00'))).toEqual(
      at('2019-07-01T08:00:00+02:00'),
    );
  });

  it('accepts up to 5 minutes ahead of now, for clock skew', () => {
    expect(payloadOf('CloseTicket', at('2025-03-01T12:05:00Z'))['occurredAt']).toBe(
      '2025-03-01T12:05:00Z',
    );
    expect(payloadOf('CloseTicket', at('2025-03-01T13:04:59+01:00'))['occurredAt']).toBeDefined();
  });

  it('refuses more than 5 minutes ahead of now', () => {
    expect(problemsOf('CloseTicket', at('2025-03-01T12:05:01Z'))).toEqual({
      occurredAt: ['occurredAt must not be more than 5 minutes in the future'],
    });
  });

  it.each([
    '2025-03-01',
    '2025-03-01T10:00:00',
    '2025-02-29T10:00:00Z',
    'yesterday',
    1740830400000,
  ])('refuses %p, which is not a date-time with an offset', (occurredAt) => {
    expect(problemsOf('CloseTicket', at(occurredAt))).toEqual({
      occurredAt: [
        'occurredAt must be an ISO-8601 date-time with an offset (e.g. 2025-03-01T09:30:00Z)',
      ],
    });
  });
});

describe('validateCommand: the payload it returns', () => {
  it('holds only the fields sent, in a fresh plain object', () => {
    const body = example('UpdateContactDetails');
    const payload = payloadOf('UpdateContactDetails', body);
    expect(payload).toEqual(body);
    expect(payload).not.toBe(body);
    expect(payload['address']).not.toBe(body['address']);
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(payload['address'])).toBe(Object.prototype);
    expect(Object.getPrototypeOf((payload['socialProfiles'] as object[])[0])).toBe(
      Object.prototype,
    );
  });

  it('leaves the body untouched (a frozen body passes)', () => {
    const body = Object.freeze({ contactId: 'C-1', address: Object.freeze({ city: 'Paris' }) });
    expect(payloadOf('UpdateContactDetails', body)).toEqual({
      contactId: 'C-1',
      address: { city: 'Paris' },
    });
  });

  it('serialises to the same JSON as a body without undeclared fields', () => {
    const body = example('OpenDeal');
    expect(JSON.stringify(payloadOf('OpenDeal', body))).toBe(JSON.stringify(body));
  });
});

describe('text that is not well-formed Unicode', () => {
  it('is refused on its field, in any field, even where a library validator would throw', () => {
    const now = new Date('2025-03-01T12:00:00Z');
    for (const [field, value] of [
      ['email', 'a\ud800@example.com'],
      ['firstName', 'Ada\udc00'],
    ] as const) {
      const result = validateCommand(
        'RegisterContact',
        { contactId: 'C-9', lastName: 'L', [field]: value },
        now,
      );
      expect(result).toEqual({
        ok: false,
        problems: expect.arrayContaining([
          { field, problems: [`${field} must be well-formed Unicode text`] },
        ]) as unknown,
      });
    }
    // A surrogate pair (an emoji) is well-formed.
    expect(
      validateCommand('RegisterContact', { contactId: 'C-9', firstName: 'Ada 🚀' }, now).ok,
    ).toBe(true);
  });
});
