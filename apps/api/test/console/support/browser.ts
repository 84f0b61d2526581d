import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CHROMIUM = '/usr/bin/chromium';

/** What went wrong in a page: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
  errors: string[];
}

export interface ConsolePage {
  page: Page;
  problems: PageProblems;
}

/** Debian's chromium, headless, with a profile of its own that is deleted afterwards. */
export class ConsoleBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly profile: string,
    private readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'chronicle-console-chromium-'));
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    });
    return new ConsoleBrowser(browser, profile, baseUrl);
  }

  /**
   * Opens a console URL in a new tab (a tab of its own: sessionStorage is per tab) and waits until
   * the page says its figures are final, or that it failed.
   */
  async open(path: string): Promise<ConsolePage> {
    const page = await this.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const problems: PageProblems = { errors: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.errors.push(`page: ${String(error)}`));
    page.on('requestfailed', (request) =>
      problems.errors.push(`request: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    await page.goto(`${this.baseUrl}${path}`);
    await settled(page);
    return { page, problems };
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

interface MainElement {
  dataset: { state?: string; settled?: string };
}

/** Waits for `main[data-state]` to leave `loading` (the page's own signal, not a timer). */
export async function settled(page: Page): Promise<string> {
  const main = await page.waitForSelector('main:not([data-state="loading"])');
  return (await main?.evaluate((element: MainElement) => element.dataset.state)) ?? '';
}

/**
 * Runs `action` (a click, a key) and waits until the page has settled once more after it: the
 * count in `main[data-settled]` moves past the one before the action.
 */
export async function afterAction(page: Page, action: () => Promise<unknown>): Promise<string> {
  const before = await page.$eval('main', (main: MainElement) => Number(main.dataset.settled ?? 0));
  await action();
  const main = await page.waitForFunction(
    (count: number) => {
      const element = (
        globalThis as unknown as { document: { querySelector(s: string): MainElement | null } }
      ).document.querySelector('main');
      const state = element?.dataset.state;
      return Number(element?.dataset.settled ?? 0) > count && state !== 'loading' ? state : false;
    },
    {},
    before,
  );
  return String(await main.jsonValue());
}
