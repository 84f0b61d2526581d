/** Rows of one kind in a CSV answer: `section` names them when an answer holds several kinds. */
export interface CsvSection {
  section: string;
  rows: readonly object[];
}

/** How a view's JSON answer becomes CSV rows (view-tables.ts). */
export interface CsvTable {
  sections: CsvSection[];
  /** Columns placed first, after `section`: the ones that name a row (stage, campaignId…). */
  keyColumns?: string[];
}

/**
 * The table as RFC 4180 text: a header row, then one line per row, CRLF after each. Nested
 * objects become dotted columns (`firstResponse.met`), lists of plain values one cell joined by
 * spaces; the columns are the union of every row's, so a row without a value leaves its cell
 * empty, as a JSON null does. A `section` column leads only when there are several sections.
 */
export function toCsv({ sections, keyColumns = [] }: CsvTable): string {
  const withSection = sections.length > 1;
  const rows = sections.flatMap(({ section, rows: sectionRows }) =>
    sectionRows.map((row): Record<string, Cell> => ({
      ...(withSection && { section }),
      ...flattened(row),
    })),
  );
  const seen = new Set<string>(withSection ? ['section'] : []);
  for (const column of keyColumns) seen.add(column);
  for (const row of rows) for (const column of Object.keys(row)) seen.add(column);
  const columns = [...seen];
  const lines = [columns, ...rows.map((row) => columns.map((column) => row[column]))];
  return lines.map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

type Cell = string | number | boolean | null | undefined;

function flattened(value: object, prefix = ''): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const [key, inner] of Object.entries(value)) {
    const column = prefix + key;
    if (Array.isArray(inner)) cells[column] = inner.map(String).join(' ');
    else if (typeof inner === 'object' && inner !== null) {
      Object.assign(cells, flattened(inner as object, `${column}.`));
    } else cells[column] = inner as Cell;
  }
  return cells;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field quoted when it holds a comma, a quote or a line break, its quotes doubled. Text that a
 * spreadsheet would run as a formula (a campaign named `=HYPERLINK(…)`) gets a leading `'`, so it
 * opens as the text it is; numbers, negative ones included, are written as they are.
 */
function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
