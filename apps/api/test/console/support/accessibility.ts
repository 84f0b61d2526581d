import axe from 'axe-core';
import type { Page } from 'puppeteer-core';

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}

/**
 * Runs axe-core in the page against WCAG 2.1 A and AA, colour contrast included. Its source is
 * evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself
 * still loads nothing but its own files.
 */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  const results = (await page.evaluate(() => {
    const { axe: injected } = globalThis as unknown as {
      axe: { run(options: unknown): Promise<unknown> };
    };
    return injected.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  })) as AxeResults;
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** The text and outline of the element that has the keyboard focus. */
export function focused(page: Page): Promise<{ text: string; tag: string; outline: string }> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as {
      document: { activeElement: { textContent: string | null; tagName: string } | null };
      getComputedStyle: (element: unknown) => { outlineStyle: string };
    };
    const element = document.activeElement;
    return {
      text: (element?.textContent ?? '').trim(),
      tag: element?.tagName ?? '',
      outline: element ? getComputedStyle(element).outlineStyle : 'none',
    };
  });
}
