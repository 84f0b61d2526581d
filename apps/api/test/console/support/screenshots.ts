import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

// docs/console holds the screenshots the README links; a run rewrites them only when asked
// (npm run console:screenshots), so ordinary test runs leave the work tree clean.
const DOCS = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'console');

export class Screenshots {
  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
  }

  static forRun(scratch: string): Screenshots {
    return new Screenshots(process.env.UPDATE_CONSOLE_SCREENSHOTS === '1' ? DOCS : scratch);
  }

  /** The visible part of the page (1280 × 900), which keeps each file small. */
  async take(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `${join(this.folder, name)}.png` });
  }
}
