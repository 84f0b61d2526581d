// npm run bench:append — events/s through the event store port at full durability, beside raw
// better-sqlite3 inserts of the same rows with the same batching and durability, in one process.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openDurableDatabase } from '../libs/embedded-sqlite/src';
import { chainHashOfEncoded, SqliteEventStore } from '../libs/event-store/src';
import { applySchema } from '../libs/event-store/src/adapters/embedded/schema';
import {
  freshDirectory,
  formatRate,
  peakRssMiB,
  printTable,
  removeDirectory,
} from './bench-support';

interface Scenario {
  eventsPerAppend: number;
  writers: number;
}

const SCENARIOS: Scenario[] = [1, 10, 100].flatMap((eventsPerAppend) =>
  [1, 64].map((writers) => ({ eventsPerAppend, writers })),
);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const sampleData = {
  contactId: 'C-12345',
  stage: 'lead',
  email: 'enc:v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBBBBBB',
};
const sampleMetadata = {
  commandId: randomUUID(),
  correlationId: randomUUID(),
  actor: 'key:0123abcd',
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
};

function batchOf(
  count: number,
): { eventId: string; type: string; data: typeof sampleData; metadata: typeof sampleMetadata }[] {
  return Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: 'LifecycleStageChanged',
    data: sampleData,
    metadata: sampleMetadata,
  }));
}

async function throughPort({ eventsPerAppend, writers }: Scenario): Promise<number> {
  const directory = freshDirectory('port');
  const store = SqliteEventStore.open({ directory });
  let written = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const stream = `contact-bench-${writer}`;
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
          `contact-bench-${writer}`,
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
      streamId: 'contact-bench-0',
      revision,
      eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      type: 'LifecycleStageChanged',
    };
    previous = chainHashOfEncoded(previous, event, dataJson, metadataJson);
  }
  return ((performance.now() - started) * 1000) / rounds;
}

async function main(): Promise<void> {
  console.log(
    `# bench:append — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  console.log(`# full durability (WAL, synchronous=FULL), ${SECONDS} s per measurement\n`);
  const rows: string[][] = [];
  for (const scenario of SCENARIOS) {
    const ceiling = rawSqlite(scenario);
    const port = await throughPort(scenario);
    rows.push([
      String(scenario.eventsPerAppend),
      String(scenario.writers),
      formatRate(port),
      formatRate(ceiling),
      `${((port / ceiling) * 100).toFixed(0)}%`,
    ]);
  }
  printTable(
    ['events/append', 'writers', 'port events/s', 'raw SQLite events/s', 'port / raw'],
    rows,
  );
  const chain = chainMicrosecondsPerEvent();
  const fastest = Math.max(...rows.map((row) => Number(row[2]!.replace(/,/g, ''))));
  const share = (chain / (1_000_000 / fastest)) * 100;
  console.log(
    `\nhash chain: ${chain.toFixed(1)} µs per event, ${share.toFixed(1)}% of the port's time per ` +
      `event in its fastest scenario (${formatRate(fastest)} events/s)`,
  );
  console.log(`peak RSS: ${peakRssMiB()} MiB`);
}

void main();
