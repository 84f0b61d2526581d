// node -r @swc-node/register bench/views.bench.ts — every view's latency over HTTP at scale
// and the read side's memory.
//
// The synthetic CRM (bench/scale/synthetic-crm.ts; BENCH_CONTACTS contacts, default 100,000 ≈ one
// million events) is copied into a folder of this benchmark, where a child process serves the
// views (bench/scale/views-server.ts) after its projectors caught up — once: the read store stays
// there, so a later run only rebuilds projections whose version changed. Then each case is asked
// BENCH_REQUESTS times, one request at a time, with varied parameters; GET /health in the same run
// is the baseline (HTTP, auth-free routing and two store pings), so the ratio shows a view's own
// cost. Prints p50/p99 per case and the server's peak RSS after catch-up and at the end.
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  campaignsProjection,
  customer360Projection,
  customerHistoryProjection,
  dataQualityProjection,
  forecastProjection,
  lifecycleFunnelProjection,
  pipelineProjection,
  type ProjectionsReport,
  serviceSlaProjection,
} from '../libs/projections/src';
import { peakRssMiB, printTable } from './bench-support';
import type { ScanComparison } from './scale/entity-scan-comparison';
import { ensureSyntheticDataset, syntheticDataDirectory } from './scale/synthetic-crm';
import { viewCases, type ViewCase } from './scale/view-requests';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 10;
const ANALYST_TOKEN = 'bench-views-analyst';
// The stores a server needs; the read store is the benchmark's own and stays between runs.
const DATASET_FILES = ['events.sqlite', 'keys.sqlite', 'command-side.sqlite', 'secret.key'];
// What the views server runs (apps/api/src/views/views.module.ts).
const VIEW_PROJECTIONS = [
  lifecycleFunnelProjection,
  campaignsProjection,
  customer360Projection,
  serviceSlaProjection,
  pipelineProjection,
  forecastProjection,
  // Only its name and version are read here; the server builds it with the real cipher.
  dataQualityProjection({ open: () => Promise.reject(new Error('not applied here')) }),
  // The customer 360 as of validAt lists the customer's streams from it.
  customerHistoryProjection,
];

interface ServerMessage {
  listening?: string;
  startSeconds?: number;
  peakRssMiB?: number;
  status?: ProjectionsReport;
  comparison?: ScanComparison[];
}

/** The benchmark's copy of the dataset, refreshed when the dataset's head differs from it. */
function prepareServerFolder(source: string, headPosition: string): string {
  const folder = join(source, '..', `views-${CONTACTS}`);
  const marker = join(folder, 'copied-from.json');
  const copied = existsSync(marker) && readFileSync(marker, 'utf8').includes(`"${headPosition}"`);
  if (!copied) {
    mkdirSync(folder, { recursive: true });
    for (const file of DATASET_FILES) copyFileSync(join(source, file), join(folder, file));
    writeFileSync(marker, JSON.stringify({ headPosition }));
  }
  return folder;
}

function startServer(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; first: ServerMessage }> {
  const child = fork(join(__dirname, 'scale', 'views-server.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: {
      ...process.env,
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: `${ANALYST_TOKEN}=analyst`,
    },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: ServerMessage) =>
      resolve({ child, url: message.listening!, first: message }),
    );
    child.once('exit', (code) => reject(new Error(`views server exited with ${String(code)}`)));
  });
}

function ask(
  child: ChildProcess,
  question: 'peak-rss' | 'status' | 'compare-scan',
): Promise<ServerMessage> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(question);
  });
}

/** Waits until every view projection serves the current version at the head, with no rebuild. */
async function waitForCatchUp(child: ChildProcess, headPosition: string): Promise<number> {
  const started = performance.now();
  const versions = new Map(VIEW_PROJECTIONS.map((p) => [p.name, p.version]));
  for (;;) {
    const { status } = await ask(child, 'status');
    const projections = status?.projections ?? [];
    const failed = projections.find((p) => p.state === 'failed');
    if (failed) throw new Error(`${failed.name} failed: ${failed.error?.message}`);
    const ready = projections.filter(
      (p) => p.position === headPosition && p.version === versions.get(p.name) && !p.rebuild,
    );
    if (ready.length === versions.size) return (performance.now() - started) / 1000;
    const behind = projections.map(
      (p) => `${p.name} ${p.rebuild ? `rebuild ${p.rebuild.done}` : p.position}`,
    );
    process.stderr.write(`# catching up: ${behind.join(', ')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

async function timedGet(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${ANALYST_TOKEN}` } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/** Nearest rank, as the views compute their own percentiles. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

async function measure(baseUrl: string, viewCase: ViewCase): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await timedGet(baseUrl + viewCase.nextPath());
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const path = viewCase.nextPath();
    const { ms, status } = await timedGet(baseUrl + path);
    if (status !== 200) throw new Error(`${path} answered ${status}`);
    latencies.push(ms);
  }
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  console.log(
    `# bench:views — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  const dataset = await ensureSyntheticDataset(syntheticDataDirectory(CONTACTS), {
    contacts: CONTACTS,
  });
  console.log(
    `# ${CONTACTS.toLocaleString('en-US')} contacts, ${dataset.events.toLocaleString('en-US')} events`,
  );
  const dataDir = prepareServerFolder(syntheticDataDirectory(CONTACTS), dataset.headPosition);
  const { child, url, first } = await startServer(dataDir);
  try {
    const catchUpSeconds = await waitForCatchUp(child, dataset.headPosition);
    const { peakRssMiB: caughtUpRss } = await ask(child, 'peak-rss');
    console.log(
      `# server listening after ${first.startSeconds?.toFixed(1)} s; projections at the head ${catchUpSeconds.toFixed(0)} s later (0 when the read store was already there); server peak RSS so far ${Math.round(caughtUpRss ?? 0)} MiB`,
    );
    console.log(
      `# ${REQUESTS} requests per case, one at a time, after ${WARM_UP} warm-up requests\n`,
    );
    const rows: string[][] = [];
    let baselineP50 = NaN;
    // BENCH_ONLY=text runs the cases whose view or variant holds it (and the baseline).
    const only = process.env.BENCH_ONLY;
    const cases = viewCases(CONTACTS).filter(
      (c, i) => i === 0 || !only || `${c.view} ${c.variant}`.includes(only),
    );
    for (const viewCase of cases) {
      const latencies = await measure(url, viewCase);
      const p50 = percentile(latencies, 0.5);
      if (Number.isNaN(baselineP50)) baselineP50 = p50;
      const p99 = percentile(latencies, 0.99);
      // As each case ends, so a later failure or a stopped run keeps what was measured.
      process.stderr.write(
        `# ${viewCase.view} | ${viewCase.variant}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms\n`,
      );
      rows.push([
        viewCase.view,
        viewCase.variant,
        p50.toFixed(1),
        p99.toFixed(1),
        `${(p50 / baselineP50).toFixed(1)}×`,
        p99 <= 100 ? 'yes' : '**no**',
      ]);
    }
    printTable(['view', 'asked for', 'p50 ms', 'p99 ms', 'p50 / baseline', 'p99 ≤ 100 ms'], rows);
    const { peakRssMiB: viewsRss } = await ask(child, 'peak-rss');
    console.log(`\nserver peak RSS after the views: ${Math.round(viewsRss ?? 0)} MiB`);
    const { comparison = [] } = await ask(child, 'compare-scan');
    console.log(
      '\nWhole-history cohorts in-process (median of 5): day summaries vs the entities alone\n',
    );
    printTable(
      ['view', 'summaries ms', 'entities ms'],
      comparison.map((c) => [c.view, c.summariesMs.toFixed(1), c.entitiesMs.toFixed(1)]),
    );
    const { peakRssMiB: finalRss } = await ask(child, 'peak-rss');
    console.log(
      `\nserver peak RSS after the comparison (it reads every entity): ${Math.round(finalRss ?? 0)} MiB; bench client: ${peakRssMiB()} MiB`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

void main();
