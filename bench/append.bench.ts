// npm run bench:append — events/s through the event store port at full durability, beside raw
// better-sqlite3 inserts of the same rows with the same batching and durability, and beside
// Emmett's SQLite event store (an optional peer in bench/peers/) on the same workload, in one process.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openDurableDatabase } from '../libs/embedded-sqlite/src';
import { chainHashOfEncoded } from '../libs/event-store/src';
import { SqliteEventStore } from '../libs/event-store/src/adapters/embedded';
import { applySchema } from '../libs/event-store/src/adapters/embedded/schema';
import {
  type EmmettPeer,
  loadEmmett,
  throughEmmett,
  throughEmmettKeptConnection,
} from './append-emmett';
import {
  batchOf,
  sampleData,
  sampleMetadata,
  type Scenario,
  SCENARIOS,
  SECONDS,
  streamOfWriter,
} from './append-workload';
import {
  freshDirectory,
  formatRate,
  peakRssMiB,
  printTable,
  removeDirectory,
} from './bench-support';

async function throughPort({ eventsPerAppend, writers }: Scenario): Promise<number> {
  const directory = freshDirectory('port');
  const store = SqliteEventStore.open({ directory });
  let written = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const stream = streamOfWriter(writer);
      while (performance.now() < deadline) {
        await store.append(stream, batchOf(eventsPerAppend), 'any');
        written += eventsPerAppend;
      }
    }),
  );
  const rate = written / ((performance.now() - started) / 1000);
  await store.close();
  removeDirectory(directory);
  return rate;
}

/** The ceiling: the same rows, the same rows per transaction, no port, no checks, no hashing. */
function rawSqlite({ eventsPerAppend, writers }: Scenario): number {
  const directory = freshDirectory('raw');
  // Opened exactly as the port opens its file: same journal and durability.
  const db = openDurableDatabase(join(directory, 'events.sqlite'));
  applySchema(db);
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, stored_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Array<number>(writers).fill(0);
  const rowsPerTransaction = eventsPerAppend * writers;
  const hash = 'f'.repeat(64);
  const writeBatch = db.transaction(() => {
    for (let writer = 0; writer < writers; writer += 1) {
      for (const event of batchOf(eventsPerAppend)) {
        const revision = revisions[writer]!;
        revisions[writer] = revision + 1;
        insert.run(
          event.eventId,
          streamOfWriter(writer),
          revision,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          new Date().toISOString(),
          hash,
        );
      }
    }
  });
  let written = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    writeBatch();
    written += rowsPerTransaction;
  }
  const rate = written / ((performance.now() - started) / 1000);
  db.close();
  removeDirectory(directory);
  return rate;
}

/**
 * What the integrity chain costs: the hash of one event of the benchmark's shape, timed alone in
 * this process, against the port's time per event in a scenario measured above.
 */
function chainMicrosecondsPerEvent(): number {
  const rounds = 50_000;
  // The append path hashes the JSON it stores anyway, so only the hash itself is timed.
  const dataJson = JSON.stringify(sampleData);
  const metadataJson = JSON.stringify(sampleMetadata);
  let previous = '';
  const started = performance.now();
  for (let revision = 0; revision < rounds; revision += 1) {
    const event = {
      streamId: streamOfWriter(0),
      revision,
      eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      type: 'LifecycleStageChanged',
    };
    previous = chainHashOfEncoded(previous, event, dataJson, metadataJson);
  }
  return ((performance.now() - started) * 1000) / rounds;
}

interface Measured {
  scenario: Scenario;
  port: number;
  ceiling: number;
  emmett?: number;
  emmettKeptConnection?: number;
  /** The journal and durability Emmett's own connection reports. */
  emmettPragmas?: string;
}

async function measure(scenario: Scenario, peer: EmmettPeer | undefined): Promise<Measured> {
  const ceiling = rawSqlite(scenario);
  const port = await throughPort(scenario);
  if (!peer) return { scenario, port, ceiling };
  const { eventsPerSecond: emmett, pragmas: emmettPragmas } = await throughEmmett(peer, scenario);
  const emmettKeptConnection = await throughEmmettKeptConnection(peer, scenario);
  return { scenario, port, ceiling, emmett, emmettKeptConnection, emmettPragmas };
}

const times = (ratio: number): string => `${ratio.toFixed(ratio < 10 ? 1 : 0)}×`;
const optionalRate = (rate: number | undefined): string =>
  rate === undefined ? 'n/a' : formatRate(rate);

function printComparison(measured: Measured[]): void {
  printTable(
    [
      'events/append',
      'writers',
      'port events/s',
      'raw SQLite events/s',
      'Emmett events/s',
      'port / raw',
      'port / Emmett',
    ],
    measured.map(({ scenario, port, ceiling, emmett }) => [
      String(scenario.eventsPerAppend),
      String(scenario.writers),
      formatRate(port),
      formatRate(ceiling),
      optionalRate(emmett),
      `${((port / ceiling) * 100).toFixed(0)}%`,
      emmett === undefined ? 'n/a' : times(port / emmett),
    ]),
  );
}

/** Where Emmett's time goes: its store opens and closes a connection around every append. */
function printEmmettBreakdown(measured: Measured[]): void {
  printTable(
    [
      'events/append',
      'writers',
      'Emmett store events/s',
      'Emmett append, one kept connection, events/s',
      'kept / store',
      'port / kept',
    ],
    measured.map(({ scenario, port, emmett = NaN, emmettKeptConnection = NaN }) => [
      String(scenario.eventsPerAppend),
      String(scenario.writers),
      formatRate(emmett),
      formatRate(emmettKeptConnection),
      times(emmettKeptConnection / emmett),
      times(port / emmettKeptConnection),
    ]),
  );
}

async function main(): Promise<void> {
  console.log(
    `# bench:append — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  console.log(`# full durability (WAL, synchronous=FULL), ${SECONDS} s per measurement`);
  const loaded = loadEmmett();
  const peer = typeof loaded === 'string' ? undefined : loaded;
  console.log(`# ${typeof loaded === 'string' ? loaded : `peer: ${loaded.description}`}\n`);
  const measured: Measured[] = [];
  for (const scenario of SCENARIOS) measured.push(await measure(scenario, peer));
  printComparison(measured);
  if (peer) {
    console.log(
      `\nEmmett's writers queue, one append at a time: concurrent calls on its store lose ` +
        `acknowledged appends (bench/append-emmett-concurrency.ts). Its connection reports ` +
        `${measured[0]?.emmettPragmas}.\n`,
    );
    printEmmettBreakdown(measured);
  }
  const chain = chainMicrosecondsPerEvent();
  const fastest = Math.max(...measured.map(({ port }) => port));
  const share = (chain / (1_000_000 / fastest)) * 100;
  console.log(
    `\nhash chain: ${chain.toFixed(1)} µs per event, ${share.toFixed(1)}% of the port's time per ` +
      `event in its fastest scenario (${formatRate(fastest)} events/s)`,
  );
  console.log(`peak RSS: ${peakRssMiB()} MiB`);
}

void main();
