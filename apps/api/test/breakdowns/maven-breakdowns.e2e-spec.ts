import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaughtUpView } from '../support/admin-client';
import { type DatasetServer, serveImportedDatasets } from '../support/dataset-server';
import { DATASETS_PATH, datasetsAvailable } from '../support/import-datasets';

// The whole Maven CRM dataset imported once, then the pipeline broken down by sales agent and by
// product, against figures computed here from the CSV files alone (docs/datasets.md gives the
// mapping: an agent is `maven-agent-<slug>`, the pipeline's "GTXPro" is products.csv's "GTX Pro",
// an open deal's amount is its product's list price, a won one's its close value).
const ANALYST = 'ana-token';
const available = datasetsAvailable('maven-crm-sales');
const describeWithData = available ? describe : describe.skip;
if (!available) console.warn('maven breakdowns e2e skipped: ../shared/datasets is missing');

interface Expected {
  open: { count: number; amount: number; weightedAmount: number };
  won: number;
  lost: number;
  revenue: number;
  closedDays: number;
}

function csv(file: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(join(DATASETS_PATH, 'maven-crm-sales', file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const names = header!.split(',');
  return rows.map((row) => {
    const values = row.split(',');
    return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
  });
}

/** The figures of each group, keyed as the view keys them, from the CSV files alone. */
function expectedGroups(keyOf: (row: Record<string, string>) => string): Map<string, Expected> {
  const listPrice = new Map(csv('products.csv').map((p) => [p.product!, Number(p.sales_price)]));
  const groups = new Map<string, Expected>();
  for (const row of csv('sales_pipeline.csv')) {
    const key = keyOf(row);
    const group = groups.get(key) ?? {
      open: { count: 0, amount: 0, weightedAmount: 0 },
      won: 0,
      lost: 0,
      revenue: 0,
      closedDays: 0,
    };
    groups.set(key, group);
    const days = (Date.parse(row.close_date!) - Date.parse(row.engage_date!)) / 86_400_000;
    if (row.deal_stage === 'Won') {
      group.won += 1;
      group.revenue += Number(row.close_value);
      group.closedDays += days;
    } else if (row.deal_stage === 'Lost') {
      group.lost += 1;
      group.closedDays += days;
    } else {
      group.open.count += 1;
      group.open.amount += listPrice.get(productOf(row))!;
    }
  }
  return groups;
}

const productOf = (row: Record<string, string>) =>
  row.product === 'GTXPro' ? 'GTX Pro' : row.product!;
const agentOf = (row: Record<string, string>) =>
  `maven-agent-${row.sales_agent!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

interface Group {
  key: string | null;
  open: Expected['open'];
  won: number;
  lost: number;
  winRate: number | null;
  revenue: number;
  averageDaysToClose: number | null;
}

describeWithData('the Maven dataset broken down', () => {
  let server: DatasetServer;
  let baseUrl: string;
  let head: string;

  beforeAll(async () => {
    server = await serveImportedDatasets(
      'maven-breakdowns',
      [{ dataset: 'maven-crm-sales' }],
      ANALYST,
    );
    ({ baseUrl, head } = server);
  }, 240_000);

  afterAll(() => server?.close());

  async function groups(groupBy: string): Promise<Group[]> {
    const view = (await readCaughtUpView(
      baseUrl,
      `/views/pipeline?groupBy=${groupBy}`,
      head,
      ANALYST,
    )) as { groups: Group[] };
    return view.groups;
  }

  function expectGroups(actual: Group[], expected: Map<string, Expected>): void {
    expect(actual.map(({ key }) => key).sort()).toEqual([...expected.keys()].sort());
    for (const group of actual) {
      const want = expected.get(group.key!)!;
      const closed = want.won + want.lost;
      expect({ key: group.key, open: group.open, won: group.won, lost: group.lost }).toEqual({
        key: group.key,
        open: want.open,
        won: want.won,
        lost: want.lost,
      });
      expect(group.revenue).toBe(want.revenue);
      expect(group.winRate).toBe(closed === 0 ? null : want.won / closed);
      if (closed === 0) expect(group.averageDaysToClose).toBeNull();
      else expect(group.averageDaysToClose).toBeCloseTo(want.closedDays / closed, 9);
    }
    const revenues = actual.map(({ revenue }) => revenue);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
  }

  it('by sales agent equals the CSV grouped by agent', async () => {
    const expected = expectedGroups(agentOf);
    expect(expected.size).toBe(30); // 35 agents in sales_teams.csv, 5 without a deal
    expectGroups(await groups('owner'), expected);
  }, 60_000);

  it('by product equals the CSV grouped by product', async () => {
    const expected = expectedGroups(productOf);
    expect(expected.size).toBe(7);
    expectGroups(await groups('product'), expected);
  }, 60_000);
});
