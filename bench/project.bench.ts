// npm run bench:project — projection catch-up on imported real data (maven-crm-sales and the UCI
// incident log): events/s of each view projection alone and of all five together, from an empty
// read store to the head, beside a bare subscription read of the same events (the read path's
// ceiling), in one process and run.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { DatasetName } from '../apps/cli/src/datasets/dataset-registry';
import { importDataset } from '../apps/cli/src/import/import-dataset';
import { InProcessSender } from '../apps/cli/src/senders/in-process-sender';
import { SqliteEventStore, type EventStore, type SubscribeOptions } from '../libs/event-store/src';
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
import { SqliteReadStore } from '../libs/read-store/src';
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
}

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
  await runtime.start();
  await runtime.waitForPosition(runtime.projectionNames, head, CATCH_UP_TIMEOUT_MS);
  const seconds = (performance.now() - started) / 1000;
  await runtime.stop();
  await readStore.close();
  removeDirectory(directory);
  return { label, eventsRead: counted.read(), seconds };
}

/** The ceiling: the same subscription from the first event to the head, applying nothing. */
async function bareRead(eventStore: EventStore, head: bigint): Promise<Measurement> {
  const stop = new AbortController();
  let eventsRead = 0;
  const started = performance.now();
  for await (const batch of eventStore.subscribe({ batchSize: 500, signal: stop.signal })) {
    eventsRead += batch.events.length;
    if (BigInt(batch.checkpoint) >= head) break;
  }
  stop.abort();
  return {
    label: 'bare subscription read',
    eventsRead,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  if (!DATASETS.every((dataset) => existsSync(join(DATASETS_PATH, dataset, 'SOURCE.txt')))) {
    throw new Error(`bench:project needs ${DATASETS.join(' and ')} under ${DATASETS_PATH}`);
  }
  console.log(
    `# bench:project — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  const dataDir = freshDirectory('project-data');
  try {
    await importData(dataDir);
    const eventStore = SqliteEventStore.open({ directory: dataDir });
    const head = await eventStore.headPosition();
    console.log(`# ${head} events; read batches of 500, as the runtime reads\n`);
    const baseline = await bareRead(eventStore, BigInt(head));
    const measurements = [baseline];
    for (const projection of VIEW_PROJECTIONS) {
      measurements.push(await catchUp(eventStore, head, projection.name, [projection]));
    }
    measurements.push(await catchUp(eventStore, head, 'all', VIEW_PROJECTIONS));
    await eventStore.close();

    // events/s counts the log's positions covered per second (what a projection must get
    // through to be at the head), so a filtered projection compares fairly with the bare read.
    const ceiling = Number(head) / baseline.seconds;
    printTable(
      ['projection', 'events read', 'seconds', 'events/s', 'vs bare read'],
      measurements.map(({ label, eventsRead, seconds }) => {
        const rate = Number(head) / seconds;
        return [
          label === 'all' ? 'all five together' : label,
          eventsRead.toLocaleString('en-US'),
          seconds.toFixed(2),
          formatRate(rate),
          `${((rate / ceiling) * 100).toFixed(1)}%`,
        ];
      }),
    );
    console.log(`\npeak RSS: ${peakRssMiB()} MiB`);
  } finally {
    removeDirectory(dataDir);
  }
}

void main();
