export interface CsvOptions {
  /** Field separator; `,` by default (the bank dataset uses `;`). */
  delimiter?: string;
}

const QUOTE = '"';

/**
 * Splits RFC 4180 text into rows of fields: quoted fields may hold the delimiter, line breaks and
 * doubled quotes; lines end with LF or CRLF; a leading UTF-8 BOM and a final line break are
 * ignored. Unquoted fields are kept as written (no trimming), so the caller sees the source.
 * @throws Error when a quoted field is never closed.
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  for (; index < text.length; index += 1) {
    const char = text[index]!;
    if (inQuotes) {
      if (char !== QUOTE) field += char;
      else if (text[index + 1] === QUOTE) {
        field += QUOTE;
        index += 1;
      } else inQuotes = false;
    } else if (char === QUOTE && field === '' && !fieldWasQuoted) {
      inQuotes = true;
      fieldWasQuoted = true;
    } else if (char === delimiter) endField();
    else if (char === '\n') endRow();
    else if (char === '\r' && text[index + 1] === '\n') {
      endRow();
      index += 1;
    } else field += char;
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  // A final line break ends the last row; it does not start an empty one.
  if (field !== '' || fieldWasQuoted || row.length > 0) endRow();
  return rows;
}

/**
 * Parses CSV text whose first row names the columns into one record per data row.
 * @throws Error when a row has a different number of fields than the header.
 */
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  return rows.map((fields, rowIndex) => {
    if (fields.length !== header.length) {
      throw new Error(
        `CSV row ${rowIndex + 2} has ${fields.length} fields; the header has ${header.length}`,
      );
    }
    return Object.fromEntries(header.map((name, column) => [name, fields[column]!]));
  });
}
