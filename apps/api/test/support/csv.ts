/**
 * Reads RFC 4180 text (quoted fields, doubled quotes, CRLF records) into records keyed by the
 * header row, independently of the server's writer, so a test can compare CSV with JSON.
 */
export function parseCsv(text: string): Array<Record<string, string>> {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  const [header = [], ...rows] = records;
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`Row of ${row.length} cells: ${row.join()}`);
  }
  return rows.map((row) => Object.fromEntries(header.map((column, at) => [column, row[at]!])));
}

/**
 * The cells a CSV row must hold for a JSON object: each figure under its dotted path, null as an
 * empty cell, a list of values joined by spaces.
 */
export function expectedCells(value: object, prefix = ''): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) {
    const column = prefix + key;
    if (Array.isArray(inner)) cells[column] = inner.map(String).join(' ');
    else if (inner !== null && typeof inner === 'object') {
      Object.assign(cells, expectedCells(inner as object, `${column}.`));
    } else cells[column] = inner === null ? '' : String(inner as string | number | boolean);
  }
  return cells;
}
