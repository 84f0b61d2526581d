import { RegisterContactDto } from '../commands/register-contact/register-contact.dto';
import { validateCommand } from './validate-command';

const NOW = new Date('2025-03-01T12:00:00Z');

// Bodies arrive through JSON.parse, which makes `__proto__` an own, enumerable key.
function problemsOfJson(type: string, json: string): Record<string, string[]> {
  const result = validateCommand(type, JSON.parse(json), NOW);
  if (result.ok) throw new Error(`expected ${type} to be refused: ${json}`);
  return Object.fromEntries(result.problems.map(({ field, problems }) => [field, problems]));
}

function expectNothingPolluted(): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(RegisterContactDto.prototype).not.toHaveProperty('polluted');
}

describe('validateCommand: keys that reach prototypes', () => {
  afterEach(expectNothingPolluted);

  it('refuses __proto__ at the top level of an otherwise valid payload', () => {
    // The computed key below: a literal `__proto__:` would set the expectation's prototype instead.
    expect(
      problemsOfJson(
        'RegisterContact',
        '{"contactId":"C-1","email":"ada@example.com","__proto__":{"polluted":"yes"}}',
      ),
    ).toEqual({ ['__proto__']: ['property __proto__ is a reserved name'] });
  });

  it.each([
    [
      'a nested object',
      'UpdateContactDetails',
      '{"contactId":"C-1","address":{"city":"Rome","__proto__":{"polluted":1}}}',
      'address.__proto__',
    ],
    [
      'customFields',
      'RegisterContact',
      '{"contactId":"C-1","email":"a@b.io","customFields":{"__proto__":{"polluted":1}}}',
      'customFields.__proto__',
    ],
    [
      'an array element',
      'RecordPurchase',
      '{"orderId":"O-1","contactId":"C-1","currency":"EUR","channel":"online","items":[{"sku":"S","quantity":1,"unitPrice":1,"__proto__":{"polluted":1}}]}',
      'items.0.__proto__',
    ],
  ])('refuses __proto__ inside %s', (_where, type, json, field) => {
    expect(problemsOfJson(type, json)).toEqual({
      [field]: ['property __proto__ is a reserved name'],
    });
  });

  it('refuses constructor.prototype, at the top level and nested', () => {
    expect(
      problemsOfJson(
        'CloseTicket',
        '{"ticketId":"T-1","constructor":{"prototype":{"polluted":1}}}',
      ),
    ).toEqual({ constructor: ['property constructor is a reserved name'] });
    expect(
      problemsOfJson(
        'RegisterContact',
        '{"contactId":"C-1","phone":"+1 555 0100","customFields":{"x":1},"address":{"city":"Oslo","constructor":{"prototype":{"polluted":1}}}}',
      ),
    ).toEqual({ 'address.constructor': ['property constructor is a reserved name'] });
  });

  it('refuses a key named prototype', () => {
    expect(problemsOfJson('CloseTicket', '{"ticketId":"T-1","prototype":{"polluted":1}}')).toEqual({
      prototype: ['property prototype is a reserved name'],
    });
  });

  // class-transformer skips keys that name inherited functions without a word, so they would
  // otherwise pass the unknown-field check unseen.
  it.each(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineSetter__'])(
    'refuses %s, an Object.prototype member, instead of dropping it silently',
    (key) => {
      expect(problemsOfJson('CloseTicket', `{"ticketId":"T-1","${key}":"x"}`)).toEqual({
        [key]: [`property ${key} is a reserved name`],
      });
    },
  );

  it('leaves a later plain object with its normal prototype', () => {
    problemsOfJson('CloseTicket', '{"ticketId":"T-1","__proto__":{"satisfactionScore":5}}');
    const fresh: Record<string, unknown> = {};
    expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype);
    expect(fresh['satisfactionScore']).toBeUndefined();
  });
});
