import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { datasetsAvailable } from '../support/import-datasets';
import {
  type ChannelsAnswer,
  type DataQualityAnswer,
  expectCampaignsShown,
  expectChannelsShown,
  expectDataQualityShown,
  expectFunnelShown,
  expectPipelineShown,
  expectSlaShown,
  type CampaignsAnswer,
  type FunnelAnswer,
  type PipelineAnswer,
  type SlaAnswer,
} from './support/analyst-checks';
import { afterAction, ConsoleBrowser, type ConsolePage } from './support/browser';
import { accessibilityViolations, focused } from './support/accessibility';
import {
  type AuditEventAnswer,
  expectedEntry,
  shownEventData,
  shownTimeline,
} from './support/auditor-reading';
import { KEYS, ConsoleServer } from './support/console-server';
import {
  type CustomerStateAnswer,
  customerWithWonDeals,
  expectStateShown,
} from './support/customer-state';
import { shownFacts, shownTable } from './support/page-reading';
import { Screenshots } from './support/screenshots';

// The console (docs/console/README.md) in Debian's chromium, against a real API over a slice of the
// Maven, incident-log and bank datasets: every figure read off a page is compared with the API's
// own answer, and every page must render without a console error.
const ready =
  datasetsAvailable('maven-crm-sales', 'uci-incident-log', 'uci-bank-marketing') &&
  existsSync('/usr/bin/chromium');
const describeInBrowser = ready ? describe : describe.skip;
if (!ready) console.warn('console e2e skipped: ../shared/datasets or /usr/bin/chromium is missing');

const GZIP_BUDGET = 300 * 1024;

interface ProjectionsAnswer {
  projections: Array<{
    name: string;
    position: string;
    lag: string;
    rebuild?: { finished: boolean };
  }>;
}
const evaluate = <T>(page: Page, expression: string): Promise<T> =>
  page.evaluate(expression) as Promise<T>;

interface OpenApiRoutes {
  paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>;
}

describeInBrowser('the console in a real browser', () => {
  let server: ConsoleServer;
  let browser: ConsoleBrowser;
  let screenshots: Screenshots;
  let scratch: string;
  const opened: ConsolePage[] = [];

  const open = async (path: string, key?: string): Promise<ConsolePage> => {
    const separator = path.includes('#') ? '&' : '#';
    const page = await browser.open(key ? `${path}${separator}key=${key}` : path);
    opened.push(page);
    return page;
  };
  const withoutErrors = ({ problems }: ConsolePage): void => expect(problems.errors).toEqual([]);
  /** Whether this server's API has a GET route (and a parameter of it): the console shows what it has. */
  const declares = async (route: string, parameter?: string): Promise<boolean> => {
    const { paths } = (await (await fetch(`${server.baseUrl}/docs-json`)).json()) as OpenApiRoutes;
    const get = paths[route]?.get;
    if (!get) return false;
    return parameter === undefined || (get.parameters ?? []).some(({ name }) => name === parameter);
  };

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'chronicle-console-shots-'));
    screenshots = Screenshots.forRun(scratch);
    server = await ConsoleServer.start();
    browser = await ConsoleBrowser.launch(server.baseUrl);
  }, 120_000);

  afterEach(async () => {
    for (const { page } of opened.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('serves its files without a key, under a strict CSP, within 300 kB gzipped', async () => {
    const page = await fetch(`${server.baseUrl}/console/customers/C-1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map(
      ([, path]) => path!,
    );
    expect(assets).toHaveLength(3);
    // What travels: each file as sent to a browser that accepts gzip.
    let gzipped = 0;
    for (const path of ['/console/funnel', ...assets]) {
      const answer = await fetch(`${server.baseUrl}${path}`, {
        headers: { 'Accept-Encoding': 'gzip' },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-encoding')).toBe('gzip');
      gzipped += Number(answer.headers.get('content-length'));
    }
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(GZIP_BUDGET);

    const etag = page.headers.get('etag') ?? '';
    const again = await fetch(`${server.baseUrl}/console`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.baseUrl}/console/funnel`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/console/elsewhere`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/console/assets/..%2F..%2Fpackage.json`)).status).toBe(
      404,
    );
  });

  it('keeps a key passed as #key= in sessionStorage only, and takes it out of the address bar', async () => {
    const tab = await open('/console/funnel#from=2016-01-01', KEYS.analyst);
    withoutErrors(tab);
    const { page } = tab;
    expect(new URL(page.url()).hash).toBe('#from=2016-01-01');
    // about:blank and this page: the entry that held the key was replaced, not kept behind it.
    expect(await evaluate(page, 'history.length')).toBe(2);
    expect(await evaluate(page, 'sessionStorage.getItem("chronicle.apiKey")')).toBe(KEYS.analyst);
    expect(await evaluate(page, 'localStorage.length')).toBe(0);
    expect(await evaluate(page, 'document.cookie')).toBe('');
    const funnel = await server.api<FunnelAnswer>('/views/lifecycle-funnel?from=2016-01-01');
    await expectFunnelShown(page, funnel);
    if (await declares('/views/data-quality')) {
      await expectDataQualityShown(
        page,
        await server.api<DataQualityAnswer>('/views/data-quality'),
      );
    }
    await screenshots.take(page, 'funnel');
  });

  it('says plainly that a key was refused, then signs in with a key typed in the form', async () => {
    const { page, problems } = await open('/console/sla', 'not-a-key');
    expect(
      await page.$eval(
        '[role="alert"]',
        (alert: { textContent: string | null }) => alert.textContent,
      ),
    ).toContain('The server does not know this API key');
    expect(await evaluate(page, 'sessionStorage.length')).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    // The refused request itself is the only error the browser reports.
    expect(problems.errors).toEqual([expect.stringContaining('status of 401')]);
    await screenshots.take(page, 'sign-in-refused');

    await page.type('#api-key', KEYS.analyst);
    expect(await afterAction(page, () => page.keyboard.press('Enter'))).toBe('ready');
    await expectSlaShown(page, await server.api<SlaAnswer>('/views/service-sla'));
  });

  it('campaigns: the table holds the API figures of every campaign', async () => {
    const tab = await open('/console/campaigns', KEYS.analyst);
    withoutErrors(tab);
    await expectCampaignsShown(tab.page, await server.api<CampaignsAnswer>('/views/campaigns'));
    if (await declares('/views/campaigns', 'groupBy')) {
      const channels = await server.api<ChannelsAnswer>('/views/campaigns?groupBy=channel');
      await expectChannelsShown(tab.page, channels);
    }
    await screenshots.take(tab.page, 'campaigns');
  });

  it('SLA: the API figures, and a priority chosen in the form changes them as it does the API', async () => {
    const tab = await open('/console/sla', KEYS.analyst);
    withoutErrors(tab);
    const { page } = tab;
    await expectSlaShown(page, await server.api<SlaAnswer>('/views/service-sla'));
    await screenshots.take(page, 'sla');

    await page.select('#filter-priority', 'low');
    expect(await afterAction(page, () => page.click('form.filters button[type="submit"]'))).toBe(
      'ready',
    );
    expect(new URL(page.url()).hash).toBe('#priority=low');
    const low = await server.api<SlaAnswer>('/views/service-sla?priority=low');
    expect(low.tickets).toBeLessThan((await server.api<SlaAnswer>('/views/service-sla')).tickets);
    await expectSlaShown(page, low);
  });

  it('pipeline: totals, stages and the owner breakdown equal the API answer', async () => {
    const tab = await open('/console/pipeline#groupBy=owner', KEYS.analyst);
    withoutErrors(tab);
    const pipeline = await server.api<PipelineAnswer>('/views/pipeline?groupBy=owner');
    expect(pipeline.groups?.length).toBeGreaterThan(1);
    await expectPipelineShown(tab.page, pipeline);
    await screenshots.take(tab.page, 'pipeline');
  });

  it('offers the as-of slider exactly where the view takes validAt, and it moves the figures', async () => {
    for (const [page, route] of [
      ['/console/funnel#from=2016-01-01', '/views/lifecycle-funnel'],
      // The first 60 incidents were all opened on 29 February; most were resolved days later.
      ['/console/sla#from=2016-02-29', '/views/service-sla'],
      // The first deal of the sample was engaged on 20 October 2016 and won in March 2017.
      ['/console/pipeline#from=2016-10-20', '/views/pipeline'],
    ] as const) {
      const tab = await open(page, KEYS.analyst);
      const slider = await tab.page.$('#as-of');
      if (!(await declares(route, 'validAt'))) {
        expect(slider).toBeNull();
        continue;
      }
      // Home moves it to the page's `from`: the end of that day, business time.
      expect(await afterAction(tab.page, () => slider!.press('Home'))).toBe('ready');
      const validAt = new URLSearchParams(new URL(tab.page.url()).hash.slice(1)).get('validAt');
      expect(validAt).toMatch(/T23:59:59Z$/);
      const from = new URLSearchParams(page.split('#')[1]).get('from');
      const asOf = await server.api<unknown>(`${route}?from=${from}&validAt=${validAt}`);
      expect(asOf).not.toEqual(await server.api<unknown>(`${route}?from=${from}`));
      if (route === '/views/service-sla') await expectSlaShown(tab.page, asOf as SlaAnswer);
      if (route === '/views/pipeline') await expectPipelineShown(tab.page, asOf as PipelineAnswer);
      if (route === '/views/lifecycle-funnel')
        await expectFunnelShown(tab.page, asOf as FunnelAnswer);
    }
  });

  it('downloads a table as CSV with the raw figures of the API', async () => {
    const tab = await open('/console/sla', KEYS.analyst);
    const downloads = join(scratch, 'downloads');
    const session = await tab.page.browser().target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: downloads,
      eventsEnabled: true,
    });
    const completed = new Promise<string>((resolve) =>
      session.on('Browser.downloadProgress', (progress) => {
        if (progress.state === 'completed') resolve(progress.filePath ?? '');
      }),
    );
    await tab.page.click('[data-download="sla-by-priority.csv"]');
    const lines = readFileSync(await completed, 'utf8')
      .trimEnd()
      .split('\r\n');
    await session.detach();
    const sla = await server.api<SlaAnswer>('/views/service-sla');
    expect(lines[0]).toMatch(/^priority,tickets,open,firstResponse\.met,/);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map(([priority, tickets, , met]) => [priority, tickets, met])).toEqual(
      sla.byPriority.map((group) => [
        group.priority,
        String(group.tickets),
        String(group.firstResponse.met),
      ]),
    );
    withoutErrors(tab);
  });

  it('customer: every event with both clocks, actor and correlation id, the integrity badge, and the state after any event', async () => {
    const contactId = await customerWithWonDeals(server);
    const base = `/audit/customers/${contactId}`;
    const { events } = await server.api<{ events: AuditEventAnswer[] }>(
      `${base}/events?limit=1000`,
      KEYS.auditor,
    );
    const tab = await open(`/console/customers/${contactId}`, KEYS.auditor);
    withoutErrors(tab);
    const { page } = tab;
    expect(await shownTimeline(page)).toEqual(events.map(expectedEntry));
    const first = events[0]!;
    const last = events.at(-1)!;
    // Personal fields arrive decrypted.
    expect(await shownEventData(page, first.position)).toContain(String(first.data.lastName));

    const checkpoint = await server.api<{ treeSize: number }>(
      '/audit/checkpoints/latest',
      KEYS.auditor,
    );
    const verification = await server.api<{ ok: boolean }>(`${base}/verify`, KEYS.auditor);
    expect(verification.ok).toBe(true);
    expect(await page.$('[data-integrity="ok"]')).not.toBeNull();
    const facts = await shownFacts(page);
    expect(facts.signature?.value).toBe('valid');
    expect(facts.treeSize?.text).toBe(`${checkpoint.treeSize.toLocaleString('en-US')} events`);

    await expectStateShown(
      page,
      await server.api(`${base}/state?atPosition=${last.position}`, KEYS.auditor),
    );
    await screenshots.take(page, 'customer');
    const slider = await page.$('#timeline-point');
    expect(await afterAction(page, () => slider!.press('Home'))).toBe('ready');
    const before = await server.api<CustomerStateAnswer>(
      `${base}/state?atPosition=${first.position}`,
      KEYS.auditor,
    );
    expect(before.deals.won).toBe(0);
    await expectStateShown(page, before);
  });

  it("shows an erased customer's personal fields as [erased], in the timeline and the state", async () => {
    const contactId = server.contactIds.find((id) => id.startsWith('uci-bank-client-'))!;
    const base = `/audit/customers/${contactId}`;
    const before = await server.api<{ events: AuditEventAnswer[] }>(`${base}/events`, KEYS.auditor);
    const lastName = String(before.events[0]!.data.lastName);
    const { position } = await server.send('EraseContactPersonalData', {
      contactId,
      reason: 'console e2e',
    });
    await server.api(`${base}/events?minPosition=${position}`, KEYS.auditor);

    const tab = await open(`/console/customers/${contactId}`, KEYS.auditor);
    withoutErrors(tab);
    expect(
      await tab.page.$$eval('ol.timeline .erased', (nodes: unknown[]) => nodes.length),
    ).toBeGreaterThan(0);
    expect((await shownFacts(tab.page)).lastName?.text).toBe('[erased]');
    expect(await tab.page.content()).not.toContain(lastName);
  });

  it('operations: health, projections and webhooks as the API reports them; an admin rebuilds one', async () => {
    const webhooks = await declares('/admin/webhooks');
    const hook = webhooks
      ? await server.post<{ webhookId: string }>('/admin/webhooks', {
          url: 'http://127.0.0.1:9/console-e2e',
          eventTypes: ['TicketOpened'],
        })
      : undefined;
    const tab = await open('/console/operations', KEYS.admin);
    withoutErrors(tab);
    const { page } = tab;
    const report = await server.api<ProjectionsAnswer>('/admin/projections', KEYS.admin);
    const rows = await shownTable(page, `Projections (${report.projections.length})`);
    for (const projection of report.projections) {
      const row = rows.get(projection.name);
      expect(row?.position?.value).toBe(projection.position);
      expect(row?.lag?.value).toBe(projection.lag);
    }
    expect((await shownFacts(page)).eventStore?.text).toBe('up');
    if (hook) {
      const detail = await server.api<{ url: string; state: string; lag: string }>(
        `/admin/webhooks/${hook.webhookId}`,
        KEYS.admin,
      );
      const row = (await shownTable(page, 'Webhook subscriptions')).get(hook.webhookId);
      expect(row?.url?.text).toBe(detail.url);
      expect(row?.state?.text).toBe(detail.state);
      expect(row?.lag?.value).toBe(detail.lag);
    }
    await screenshots.take(page, 'operations');

    page.once('dialog', (dialog) => void dialog.accept());
    await afterAction(page, () => page.click('#rebuild-funnel, #rebuild-lifecycle-funnel'));
    expect(
      await page.$eval('.messages', (box: { textContent: string | null }) => box.textContent),
    ).toMatch(/Rebuild of lifecycle-funnel requested: job \S+/);
    // The page follows the rebuild by itself; its table says when the job has finished.
    await page.waitForFunction(() =>
      (
        globalThis as unknown as { document: { body: { textContent: string | null } } }
      ).document.body.textContent?.includes('rebuilt (job'),
    );
    const after = await server.api<ProjectionsAnswer>('/admin/projections', KEYS.admin);
    expect(after.projections.find((p) => p.name === 'lifecycle-funnel')?.rebuild?.finished).toBe(
      true,
    );
  });

  it('tells a key without the role which role a page needs', async () => {
    const tab = await open('/console/operations', KEYS.analyst);
    expect(
      await tab.page.$eval('main', (main: { textContent: string | null }) => main.textContent),
    ).toContain('need a key with the admin role');
    const audit = await open('/console/customers/anyone', KEYS.analyst);
    expect(
      await audit.page.$eval(
        '[role="alert"]',
        (alert: { textContent: string | null }) => alert.textContent,
      ),
    ).toContain('it needs the auditor role');
  });

  it('passes axe-core (WCAG 2.1 A and AA, contrast included) and works by keyboard', async () => {
    const contactId = server.contactIds[0]!;
    for (const [path, key] of [
      ['/console/funnel', KEYS.analyst],
      ['/console/sla', KEYS.analyst],
      ['/console/pipeline#groupBy=team', KEYS.analyst],
      [`/console/customers/${contactId}`, KEYS.auditor],
      ['/console/operations', KEYS.admin],
      ['/console/funnel', 'refused-key'],
    ] as const) {
      const { page } = await open(path, key);
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({
        path,
        violations: [],
      });
    }

    const { page } = await open('/console/funnel', KEYS.analyst);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Skip to content', outline: 'solid' });
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('MAIN');
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('INPUT');

    const { page: fresh } = await open('/console/funnel', KEYS.analyst);
    for (
      let presses = 0;
      presses < 12 && (await focused(fresh)).text !== 'Service SLA';
      presses += 1
    ) {
      await fresh.keyboard.press('Tab');
    }
    expect(await focused(fresh)).toMatchObject({ text: 'Service SLA', outline: 'solid' });
    expect(await afterAction(fresh, () => fresh.keyboard.press('Enter'))).toBe('ready');
    expect(new URL(fresh.url()).pathname).toBe('/console/sla');
    expect((await focused(fresh)).tag).toBe('MAIN');
  });
});
