import { parseCsv, parseCsvRecords } from './csv-parser';

describe('parseCsv', () => {
  it('splits plain fields and LF lines', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts CRLF line endings and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps delimiters, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'name,note\r\n"Smith, Jo","said ""hi""\r\nthen left"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Smith, Jo', 'said "hi"\r\nthen left'],
    ]);
  });

  it('keeps empty fields, quoted or not', () => {
    expect(parseCsv('a,,""\n,x,\n')).toEqual([
      ['a', '', ''],
      ['', 'x', ''],
    ]);
  });

  it('reads a row holding a single empty quoted field', () => {
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('uses another delimiter when asked, as the bank dataset needs', () => {
    expect(parseCsv('"age";"job"\n58;"management"\n', { delimiter: ';' })).toEqual([
      ['age', 'job'],
      ['58', 'management'],
    ]);
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(parseCsv('\uFEFFa,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses a quoted field that is never closed', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/inside a quoted field/);
  });

  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

describe('parseCsvRecords', () => {
  it('names each field by its header column', () => {
    expect(parseCsvRecords('id,name\n1,"Ada, Countess"\n2,Bob\n')).toEqual([
      { id: '1', name: 'Ada, Countess' },
      { id: '2', name: 'Bob' },
    ]);
  });

  it('refuses a row with a different field count than the header', () => {
    expect(() => parseCsvRecords('a,b\n1\n')).toThrow(/row 2 has 1 fields; the header has 2/);
  });
});
