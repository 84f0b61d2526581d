import fc from 'fast-check';
import { COMMAND_TYPES } from '@chronicle/application';
import { exampleOf } from './examples';

// fetch refuses header values outside Latin-1 and any control character (CR, LF, NUL, DEL):
// those never reach a server through a conforming client, so only the rest is generated.
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

const idempotencyKey = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,100}$/),
  // A small pool, so keys come back with other bodies (422 IDEMPOTENCY_KEY_REUSED) or the same.
  fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3'),
  fc.constantFrom('', '12345', 'has spaces', 'k'.repeat(101), 'schlüssel', '../../etc', '*', 'a,b'),
  headerText(120),
);

const ifMatch = fc.oneof(
  fc.nat().map(String),
  fc.constantFrom(
    '',
    '-1',
    '03',
    '"3"',
    'W/"1"',
    '*',
    '1e3',
    '0x1',
    '1.0',
    ' 1',
    '99999999999999999999999',
  ),
  headerText(30),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
);

/** Headers a caller may get wrong, each present or absent. */
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'Idempotency-Key': idempotencyKey,
    'If-Match': ifMatch,
    'X-Correlation-Id': headerText(300),
    'Content-Type': contentType,
  },
  { requiredKeys: ['Content-Type'] },
);

// Types outside the catalog, including names of Object.prototype members and encoded paths.
const oddCommandType = fc.oneof(
  fc.constantFrom(
    'constructor',
    '__proto__',
    'hasOwnProperty',
    'toString',
    'registercontact',
    '%2e%2e%2Fadmin',
    '%00',
    'RegisterContact%20',
  ),
  headerText(40).map(encodeURIComponent),
);

/** Where the odd headers go: an example command, an unknown type, or a create with a fresh id. */
export const headerTarget: fc.Arbitrary<{ type: string; body: unknown }> = fc.oneof(
  fc.constantFrom(...COMMAND_TYPES).map((type) => ({ type, body: exampleOf(type) })),
  oddCommandType.map((type) => ({ type, body: exampleOf('RecordConsent') })),
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/).map((contactId) => ({
    type: 'RegisterContact',
    body: { contactId, firstName: 'Header' },
  })),
);
