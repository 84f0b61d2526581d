import { normaliseEmail, normalisePhone } from './values';

describe('normaliseEmail', () => {
  it('ignores case and surrounding space', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['+44 (20) 7946-0000', '+442079460000'],
    ['0044 20 7946 0000', '+442079460000'],
    ['020 7946 0000', '02079460000'],
    ['＋４４ 20', '+4420'],
  ])('%s -> %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });
});
