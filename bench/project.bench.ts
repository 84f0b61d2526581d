// npm run bench:project — projection catch-up on imported real data (maven-crm-sales and the UCI
// incident log): events/s of each view projection alone and of all five together, from an empty
// read store to the head, beside a bare subscription read of the same events (the read path's
// ceiling), in one process and run.
//
// BENCH_SCALE_CONTACTS=100000 runs on the synthetic CRM history instead (about ten events per
// contact, so ≈1M events; bench/scale/synthetic-crm.ts fills it once, cached under .bench-data).
// BENCH_DATA_DIR=<folder> keeps the imported event store there and reuses it on the next run (for
// profiling); BENCH_ONLY=<label,…> runs only those rows (`bare`, projection names, `all`).
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { DatasetName } from '../apps/cli/src/datasets/dataset-registry';
import { importDataset } from '../apps/cli/src/import/import-dataset';
import { InProcessSender } from '../apps/cli/src/senders/in-process-sender';
import { type EventStore, type SubscribeOptions } from '../libs/event-store/src';
import { SqliteEventStore } from '../libs/event-store/src/adapters/embedded';
import { loadConfig } from '../libs/platform/src';
import {
  campaignsProjection,
  customer360Projection,
  lifecycleFunnelProjection,
  pipelineProjection,
  ProjectorRuntime,
  serviceSlaProjection,
  type Projection,
} from '../libs/projections/src';
import { SqliteReadStore } from '../libs/read-store/src/adapters/embedded';
import { ensureSyntheticDataset, syntheticDataDirectory } from './scale/synthetic-crm';
import {
  freshDirectory,
  formatRate,
  peakRssMiB,
  printTable,
  removeDirectory,
} from './bench-support';

const DATASETS_PATH = join(__dirname, '..', '..', 'shared', 'datasets');
const DATASETS: DatasetName[] = ['maven-crm-sales', 'uci-incident-log'];
// Source records per dataset (opportunities, incidents). Default: all of both, which imports in
// about a minute here (docs/benchmarks.md: 8.6 s + 43 s), so no cap is needed.
const LIMIT = process.env.BENCH_LIMIT ? Number(process.env.BENCH_LIMIT) : undefined;
// Generous: a full catch-up takes seconds; this only keeps a hung projector from hanging the run.
const CATCH_UP_TIMEOUT_MS = 30 * 60_000;
const KEPT_DATA_DIR = process.env.BENCH_DATA_DIR;
const SCALE_CONTACTS = process.env.BENCH_SCALE_CONTACTS
  ? Number(process.env.BENCH_SCALE_CONTACTS)
  : undefined;
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (label: string): boolean => !ONLY || ONLY.includes(label);
const BARE_READ = 'bare subscription read';
// The runtime's default page, so the bare read reads the way the runtime does.
const BARE_PAGE = 2000;

const VIEW_PROJECTIONS: Projection[] = [
  lifecycleFunnelProjection,
  campaignsProjection,
  customer360Projection,
  serviceSlaProjection,
  pipelineProjection,
];

interface Measurement {
  label: string;
  /** Events the subscriptions delivered: after each projection's filter, summed over them. */
  eventsRead: number;
  seconds: number;
  /** Process CPU time (user + system) over the run: steadier than wall time on a shared machine. */
  cpuSeconds: number;
}

const cpuSecondsSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

/** Imports once, in-process through the command pipeline, as `chronicle-cli import` does. */
async function importData(dataDir: string): Promise<void> {
  const config = loadConfig({ CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: 'bench=service' });
  const sender = await InProcessSender.open(config, 'bench-project');
  try {
    for (const dataset of DATASETS) {
      const { report, seconds } = await importDataset({
        dataset,
        path: DATASETS_PATH,
        limit: LIMIT,
        concurrency: 32,
        sender,
      });
      console.log(`# imported ${dataset}: ${report.describe(seconds)[0]}`);
    }
  } finally {
    await sender.close();
  }
}

/** The store seen through a counter of the events its subscriptions hand out. */
function countingReads(store: EventStore): { store: EventStore; read: () => number } {
  let read = 0;
  const subscribe = async function* (options?: SubscribeOptions) {
    for await (const batch of store.subscribe(options)) {
      read += batch.events.length;
      yield batch;
    }
  };
  return {
    store: Object.assign(Object.create(store) as EventStore, { subscribe }),
    read: () => read,
  };
}

/** A fresh read store and runtime, started and timed until every projection is at the head. */
async function catchUp(
  eventStore: EventStore,
  head: string,
  label: string,
  projections: Projection[],
): Promise<Measurement> {
  const directory = freshDirectory(`project-${label}`);
  const readStore = SqliteReadStore.open({ path: join(directory, 'read-models.sqlite') });
  const counted = countingReads(eventStore);
  const runtime = new ProjectorRuntime({ eventStore: counted.store, readStore });
  for (const projection of projections) runtime.register(projection);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await runtime.start();
  await runtime.waitForPosition(runtime.projectionNames, head, CATCH_UP_TIMEOUT_MS);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu);
  await runtime.stop();
  await readStore.close();
  removeDirectory(directory);
  return { label, eventsRead: counted.read(), seconds, cpuSeconds };
}

/** The ceiling: the same subscription from the first event to the head, applying nothing. */
async function bareRead(eventStore: EventStore, head: bigint): Promise<Measurement> {
  const stop = new AbortController();
  let eventsRead = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const batch of eventStore.subscribe({ batchSize: BARE_PAGE, signal: stop.signal })) {
    eventsRead += batch.events.length;
    if (BigInt(batch.checkpoint) >= head) break;
  }
  stop.abort();
  return {
    label: BARE_READ,
    eventsRead,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpu),
  };
}

/** The event store's folder, filled when needed, and whether it is to be removed after the run. */
async function prepareData(): Promise<{ dataDir: string; temporary: boolean }> {
  if (SCALE_CONTACTS !== undefined) {
    const dataDir = syntheticDataDirectory(SCALE_CONTACTS);
    const { events } = await ensureSyntheticDataset(dataDir, { contacts: SCALE_CONTACTS });
    console.log(`# synthetic CRM: ${SCALE_CONTACTS} contacts, ${events} events`);
    return { dataDir, temporary: false };
  }
  const dataDir = KEPT_DATA_DIR ?? freshDirectory('project-data');
  const temporary = KEPT_DATA_DIR === undefined;
  if (existsSync(join(dataDir, 'events.sqlite'))) return { dataDir, temporary };
  if (!DATASETS.every((dataset) => existsSync(join(DATASETS_PATH, dataset, 'SOURCE.txt')))) {
    throw new Error(`bench:project needs ${DATASETS.join(' and ')} under ${DATASETS_PATH}`);
  }
  await importData(dataDir);
  return { dataDir, temporary };
}

async function main(): Promise<void> {
  console.log(
    `# bench:project — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  const { dataDir, temporary } = await prepareData();
  try {
    const eventStore = SqliteEventStore.open({ directory: dataDir });
    const head = await eventStore.headPosition();
    console.log(`# ${head} events; the bare read reads pages of ${BARE_PAGE}\n`);
    const measurements: Measurement[] = [];
    if (runs('bare')) measurements.push(await bareRead(eventStore, BigInt(head)));
    for (const projection of VIEW_PROJECTIONS.filter(({ name }) => runs(name))) {
      measurements.push(await catchUp(eventStore, head, projection.name, [projection]));
    }
    if (runs('all')) measurements.push(await catchUp(eventStore, head, 'all', VIEW_PROJECTIONS));
    await eventStore.close();

    // events/s counts the log's positions covered per second (what a projection must get
    // through to be at the head), so a filtered projection compares fairly with the bare read.
    const baseline = measurements.find(({ label }) => label === BARE_READ);
    const ceiling = baseline && Number(head) / baseline.seconds;
    printTable(
      ['projection', 'events read', 'seconds', 'CPU seconds', 'events/s', 'vs bare read'],
      measurements.map(({ label, eventsRead, seconds, cpuSeconds }) => {
        const rate = Number(head) / seconds;
        return [
          label === 'all' ? 'all five together' : label,
          eventsRead.toLocaleString('en-US'),
          seconds.toFixed(2),
          cpuSeconds.toFixed(2),
          formatRate(rate),
          ceiling ? `${((rate / ceiling) * 100).toFixed(1)}%` : '–',
        ];
      }),
    );
    console.log(`\npeak RSS: ${peakRssMiB()} MiB`);
  } finally {
    if (temporary) removeDirectory(dataDir);
  }
}

void main();
