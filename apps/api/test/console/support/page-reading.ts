import type { Page } from 'puppeteer-core';

/** A figure or cell as the page shows it: its text, and the raw value it was drawn from. */
export interface Shown {
  text: string;
  value: string;
}

interface ShownNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
}

interface TableNode {
  querySelector(selector: string): ShownNode | null;
  querySelectorAll(selector: string): ArrayLike<RowNode>;
}

interface RowNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<ShownNode>;
}

/** Every `[data-figure]` on the page, by name. */
export function shownFigures(page: Page): Promise<Record<string, Shown>> {
  return page.$$eval('[data-figure]', (nodes: ShownNode[]) =>
    Object.fromEntries(
      nodes.map((node) => [
        node.getAttribute('data-figure') ?? '',
        { text: node.textContent ?? '', value: node.getAttribute('data-value') ?? '' },
      ]),
    ),
  );
}

/** Every `[data-fact]` on the page, by name. */
export function shownFacts(page: Page): Promise<Record<string, Shown>> {
  return page.$$eval('[data-fact]', (nodes: ShownNode[]) =>
    Object.fromEntries(
      nodes.map((node) => [
        node.getAttribute('data-fact') ?? '',
        { text: node.textContent ?? '', value: node.getAttribute('data-value') ?? '' },
      ]),
    ),
  );
}

/** The rows of the table with this caption: row key → column → shown cell. */
export async function shownTable(
  page: Page,
  caption: string,
): Promise<Map<string, Record<string, Shown>>> {
  const rows = await page.$$eval(
    'table',
    (tables: TableNode[], wanted: string) => {
      const table = tables.find(
        (candidate) => candidate.querySelector('caption')?.textContent === wanted,
      );
      if (!table) return null;
      return Array.from(table.querySelectorAll('tbody tr')).map((row) => [
        row.getAttribute('data-key') ?? '',
        Object.fromEntries(
          Array.from(row.querySelectorAll('td')).map((cell) => [
            cell.getAttribute('data-column') ?? '',
            { text: cell.textContent ?? '', value: cell.getAttribute('data-value') ?? '' },
          ]),
        ),
      ]);
    },
    caption,
  );
  if (!rows) throw new Error(`no table captioned "${caption}" on ${page.url()}`);
  return new Map(rows as Array<[string, Record<string, Shown>]>);
}

export type FigureKind = 'count' | 'amount' | 'ratio' | 'duration' | 'decimal';

/**
 * Checks that a shown figure is the API's number: the raw value exactly, and the text as that
 * number reads in its unit, within the rounding of what is displayed.
 */
export function expectShown(
  shown: Shown | undefined,
  expected: number | null,
  kind: FigureKind,
): void {
  if (!shown) throw new Error('figure not shown');
  if (expected === null) {
    expect(shown.text.trim()).toBe('—');
    return;
  }
  expect(Number(shown.value)).toBe(expected);
  const [read, tolerance] = readShown(shown.text, kind);
  expect(Math.abs(read - expected)).toBeLessThanOrEqual(tolerance);
}

function readShown(text: string, kind: FigureKind): [number, number] {
  const number = Number(text.replace(/[^0-9.-]/g, ''));
  switch (kind) {
    case 'count':
      return [number, 0];
    case 'amount':
      return [number, 0.005];
    case 'decimal':
      return [number, 0.05];
    case 'ratio':
      return [number / 100, 0.0005];
    case 'duration': {
      const unit = /min$/.test(text) ? 60 : /h$/.test(text) ? 3600 : 86_400;
      return [number * unit, unit === 60 ? 30 : unit * 0.05];
    }
  }
}
