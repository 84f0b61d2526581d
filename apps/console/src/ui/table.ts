import { type CsvValue, toCsv } from './csv';
import { h } from './dom';

export interface Column<T> {
  /** Names the column in the DOM (`data-column`) and in CSV files. */
  key: string;
  label: string;
  /** The raw value: written to CSV as is and to the cell's `data-value`. */
  value: (row: T) => CsvValue;
  /** How the value reads on the page; default: the value as text, or an em dash. */
  format?: (value: CsvValue) => string;
  numeric?: boolean;
  /** Extra content after the text (a button, a badge). */
  extra?: (row: T) => Node | undefined;
}

export interface TableOptions<T> {
  caption: string;
  rowKey?: (row: T) => string;
  /** Shown instead of an empty table. */
  empty?: string;
}

/**
 * A table with a caption and column headers; it scrolls sideways inside a focusable region, so a
 * keyboard user can reach every column.
 */
export function dataTable<T>(
  columns: readonly Column<T>[],
  rows: readonly T[],
  options: TableOptions<T>,
): HTMLElement {
  if (rows.length === 0 && options.empty) return h('p', { class: 'empty' }, options.empty);
  const head = h(
    'tr',
    {},
    ...columns.map((column) =>
      h(
        'th',
        { scope: 'col', 'data-column': column.key, class: column.numeric ? 'num' : undefined },
        column.label,
      ),
    ),
  );
  const body = rows.map((row) =>
    h('tr', { 'data-key': options.rowKey?.(row) }, ...columns.map((column) => cell(column, row))),
  );
  const table = h(
    'table',
    {},
    h('caption', {}, options.caption),
    h('thead', {}, head),
    h('tbody', {}, ...body),
  );
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': options.caption, tabindex: 0 },
    table,
  );
}

function cell<T>(column: Column<T>, row: T): HTMLElement {
  const value = column.value(row);
  const text = column.format ? column.format(value) : plain(value);
  return h(
    'td',
    {
      'data-column': column.key,
      'data-value': value === null || value === undefined ? '' : String(value),
      class: column.numeric ? 'num' : undefined,
    },
    text,
    column.extra?.(row),
  );
}

function plain(value: CsvValue): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** The same rows as CSV: one column per table column, raw values, the labels as header. */
export function tableCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map((column) => column.key),
    rows.map((row) => columns.map((column) => column.value(row))),
  );
}

/** A right-aligned column of numbers, written raw to CSV and formatted on the page. */
export function numberColumn<T>(
  key: string,
  label: string,
  value: (row: T) => number | null | undefined,
  format: (value: number | null) => string,
): Column<T> {
  return {
    key,
    label,
    value,
    format: (raw) => format(typeof raw === 'number' ? raw : null),
    numeric: true,
  };
}
