import type { IncomingMessage } from 'node:http';
import { correlationIdOf } from './correlation-id.hook';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const requestWith = (value?: string) =>
  ({ headers: value === undefined ? {} : { 'x-correlation-id': value } }) as IncomingMessage;

describe('correlationIdOf', () => {
  it("takes the caller's id", () => {
    expect(correlationIdOf(requestWith('import-2024-06:batch-7'))).toBe('import-2024-06:batch-7');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['with spaces or control characters', 'a b\r\nSet-Cookie: x'],
    ['longer than 128 characters', 'x'.repeat(129)],
  ])('makes a new UUID when the header is %s', (_case, value) => {
    expect(correlationIdOf(requestWith(value))).toMatch(UUID);
  });
});
