import { parseIfMatch, validateIdempotencyKey } from './headers';

describe('validateIdempotencyKey', () => {
  it.each(['a', 'order-O-1.retry_2', '0x1F', '1.5', 'k'.repeat(100), '2025-03-01'])(
    'accepts %p',
    (key) => {
      expect(validateIdempotencyKey(key)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(101)],
    ['all digits (BullMQ refuses those job ids)', '12345'],
    ['a colon', 'cmd:1'],
    ['a space', 'cmd 1'],
    ['a slash', 'cmd/1'],
    ['non-ASCII', 'bestellung-ä'],
    ['a trailing newline', 'cmd-1\n'],
  ])('refuses a key that is %s', (_case, key) => {
    expect(validateIdempotencyKey(key)).toBe(false);
  });
});

describe('parseIfMatch', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    ['1042', 1042],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('reads %p as revision %i', (header, revision) => {
    expect(parseIfMatch(header)).toBe(revision);
  });

  it.each([
    ['empty', ''],
    ['negative', '-1'],
    ['signed', '+3'],
    ['a fraction', '3.0'],
    ['an exponent', '1e3'],
    ['hexadecimal', '0x10'],
    ['zero-padded', '007'],
    ['a quoted ETag', '"3"'],
    ['a weak ETag', 'W/"3"'],
    ['a wildcard', '*'],
    ['padded with spaces', ' 3 '],
    ['beyond 2^53 − 1', '9007199254740993'],
  ])('refuses a header that is %s', (_case, header) => {
    expect(parseIfMatch(header)).toBeUndefined();
  });
});
