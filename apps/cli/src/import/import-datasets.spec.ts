import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { type ChronicleConfig, loadConfig } from '@chronicle/platform';
import type { DatasetName } from '../datasets/dataset-registry';
import type { CommandSender } from '../senders/command-sender';
import { InProcessSender } from '../senders/in-process-sender';
import { importDataset } from './import-dataset';

// ../shared/datasets from the repository root, as the CLI reads it by default.
const DATASETS = resolve(__dirname, '../../../../../shared/datasets');
const hasDatasets = existsSync(DATASETS);
const describeWithData = hasDatasets ? describe : describe.skip;
if (!hasDatasets) {
  process.stderr.write(`Skipping the real-dataset imports: ${DATASETS} does not exist.\n`);
}

/** Records per dataset: about 200 source rows each, to keep the suite fast. */
const LIMITS: Record<DatasetName, number> = {
  'maven-crm-sales': 200,
  'uci-incident-log': 30,
  'uci-bank-marketing': 200,
};

const IMPORTS_TWICE_MS = 120_000;

interface RunOptions {
  wrap?: (sender: CommandSender) => CommandSender;
  signal?: AbortSignal;
}

describeWithData(`importing the real datasets from ${DATASETS}`, () => {
  let dataDir: string;
  let config: ChronicleConfig;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-cli-import-'));
    config = loadConfig({ CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: 'cli-test=service' });
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function run(
    dataset: DatasetName,
    { wrap = (sender: CommandSender) => sender, signal }: RunOptions = {},
  ) {
    const sender = await InProcessSender.open(config);
    try {
      const options = { dataset, path: DATASETS, limit: LIMITS[dataset], concurrency: 32, signal };
      return await importDataset({ ...options, sender: wrap(sender) });
    } finally {
      await sender.close();
    }
  }

  it.each(Object.keys(LIMITS) as DatasetName[])(
    '%s: every command is accepted, and a second import appends nothing',
    async (dataset) => {
      const first = await run(dataset);
      expect(first.report.refused).toBe(0);
      expect(first.report.accepted).toBe(first.planned);
      expect(BigInt(first.headAfter!)).toBeGreaterThan(0n);

      const second = await run(dataset);
      expect(second.report.accepted).toBe(first.planned);
      expect(second.headBefore).toBe(first.headAfter);
      expect(second.headAfter).toBe(first.headAfter);
    },
    // Each import reads its whole source file (the incident log: 59,354 rows, about 6 s here even
    // for 30 incidents), which takes several times longer beside the other suites.
    IMPORTS_TWICE_MS,
  );

  it('maven-crm-sales: an interrupted import resumes, and wins and losses match the CSV', async () => {
    const interrupt = new AbortController();
    let answered = 0;
    const stopAfter150 = (sender: CommandSender): CommandSender => ({
      send: async (command) => {
        const outcome = await sender.send(command);
        if ((answered += 1) === 150) interrupt.abort();
        return outcome;
      },
      headPosition: () => sender.headPosition(),
      close: () => sender.close(),
    });
    const interrupted = await run('maven-crm-sales', {
      wrap: stopAfter150,
      signal: interrupt.signal,
    });
    expect(interrupted.report.answered).toBeGreaterThanOrEqual(150);
    expect(interrupted.report.answered).toBeLessThan(interrupted.planned);

    const resumed = await run('maven-crm-sales');
    expect(BigInt(resumed.headAfter!)).toBeGreaterThan(BigInt(interrupted.headAfter!));
    const again = await run('maven-crm-sales');
    expect(again.headBefore).toBe(again.headAfter);

    const store = SqliteEventStore.open({ directory: dataDir });
    const counts = new Map<string, number>();
    try {
      for (const event of await store.readAll()) {
        counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      }
    } finally {
      await store.close();
    }
    const expected = stageCountsStraightFromCsv(LIMITS['maven-crm-sales']);
    expect(counts.get('DealOpened')).toBe(LIMITS['maven-crm-sales']);
    expect(counts.get('DealWon') ?? 0).toBe(expected.Won ?? 0);
    expect(counts.get('DealLost') ?? 0).toBe(expected.Lost ?? 0);
  });
});

/** An independent count: the file has no quoted fields, so splitting on commas is enough. */
function stageCountsStraightFromCsv(limit: number): Record<string, number> {
  const text = readFileSync(join(DATASETS, 'maven-crm-sales', 'sales_pipeline.csv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const stageColumn = lines[0]!.split(',').indexOf('deal_stage');
  const counts: Record<string, number> = {};
  for (const line of lines.slice(1, limit + 1)) {
    const stage = line.split(',')[stageColumn]!;
    counts[stage] = (counts[stage] ?? 0) + 1;
  }
  return counts;
}
