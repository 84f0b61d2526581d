import { toCsv } from './csv-table';

describe('toCsv', () => {
  it('writes a header row and one CRLF-ended line per row, quoting by RFC 4180', () => {
    const csv = toCsv({
      sections: [
        {
          section: 'campaign',
          rows: [
            { campaignId: 'C1', name: 'Spring "webinar", EU', roi: 0.25 },
            { campaignId: 'C2', name: 'two\nlines', roi: null },
          ],
        },
      ],
    });
    expect(csv).toBe(
      'campaignId,name,roi\r\n' + 'C1,"Spring ""webinar"", EU",0.25\r\n' + 'C2,"two\nlines",\r\n',
    );
  });

  it('flattens nested figures into dotted columns and joins plain lists with spaces', () => {
    const csv = toCsv({
      sections: [
        {
          section: 'all',
          rows: [
            {
              tickets: 2,
              firstResponse: { met: 1, medianSeconds: 60 },
              currencies: ['EUR', 'USD'],
            },
          ],
        },
      ],
    });
    expect(csv).toBe(
      'tickets,firstResponse.met,firstResponse.medianSeconds,currencies\r\n2,1,60,EUR USD\r\n',
    );
  });

  it('names the section of each row when there are several, key columns first, absent cells empty', () => {
    const csv = toCsv({
      keyColumns: ['priority', 'teamId'],
      sections: [
        { section: 'all', rows: [{ tickets: 3 }] },
        { section: 'priority', rows: [{ priority: 'high', tickets: 2 }] },
        { section: 'team', rows: [{ teamId: null, tickets: 1 }] },
      ],
    });
    expect(csv).toBe(
      'section,priority,teamId,tickets\r\n' +
        'all,,,3\r\n' +
        'priority,high,,2\r\n' +
        'team,,,1\r\n',
    );
  });

  it('keeps the header row when there is no row', () => {
    expect(toCsv({ keyColumns: ['campaignId'], sections: [{ section: 'c', rows: [] }] })).toBe(
      'campaignId\r\n',
    );
  });

  it('opens text a spreadsheet would run as a formula as text, and leaves numbers alone', () => {
    const csv = toCsv({
      sections: [
        {
          section: 'campaign',
          rows: [
            { name: '=HYPERLINK("http://x","y")', roi: -0.5 },
            { name: '@SUM(A1)', roi: 1 },
            { name: '-1+2', roi: 0 },
          ],
        },
      ],
    });
    expect(csv).toBe(
      'name,roi\r\n' +
        `"'=HYPERLINK(""http://x"",""y"")",-0.5\r\n` +
        "'@SUM(A1),1\r\n" +
        "'-1+2,0\r\n",
    );
  });
});
