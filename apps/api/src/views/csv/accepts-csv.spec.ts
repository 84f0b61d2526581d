import { acceptsCsv } from './accepts-csv';

describe('acceptsCsv', () => {
  it.each([
    ['text/csv', true],
    ['TEXT/CSV; charset=utf-8', true],
    ['text/csv, application/json', true],
    ['application/json;q=0.5, text/csv', true],
    ['text/*', true],
    // The more specific range decides at equal quality.
    ['text/*, */*', true],
    ['text/csv;q=0.9, */*;q=0.8', true],
  ])('answers CSV for %j', (accept, expected) => {
    expect(acceptsCsv(accept)).toBe(expected);
  });

  it.each([
    [undefined],
    ['*/*'],
    ['application/json'],
    ['application/json, text/csv'],
    ['text/csv;q=0.5, application/json'],
    ['text/csv;q=0'],
    ['text/html'],
  ])('answers JSON for %j', (accept) => {
    expect(acceptsCsv(accept)).toBe(false);
  });
});
