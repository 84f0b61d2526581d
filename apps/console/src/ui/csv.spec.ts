import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes RFC 4180 lines: CRLF, quoted cells with commas, quotes and line breaks', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['two\nlines', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",3\r\n');
  });

  it('leaves null and undefined cells empty and writes numbers as they are, negative ones too', () => {
    expect(toCsv(['roi', 'rate', 'none'], [[-1, 0.125, null]])).toBe(
      'roi,rate,none\r\n-1,0.125,\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv(['name'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)']])).toBe(
      'name\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n',
    );
  });
});
