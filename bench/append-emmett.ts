// Emmett's SQLite event store as a peer in bench:append. It lives in its own optional package under
// bench/peers/ and is required from there, so the product never depends on it and its types stay
// out of the root type-check: the interfaces below cover only what this file calls.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  batchOf,
  type BenchEvent,
  type Scenario,
  SECONDS,
  streamOfWriter,
} from './append-workload';
import { freshDirectory, removeDirectory } from './bench-support';

const EMMETT_INSTALL = 'npm install --prefix bench/peers --no-audit --no-fund';
const EMMETT_PACKAGE = '@event-driven-io/emmett-sqlite';

export interface EmmettEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

interface EmmettConnection {
  close(): void;
  querySingle<Row>(sql: string): Promise<Row | null>;
}

interface EmmettEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
  ): Promise<{ lastEventGlobalPosition: bigint }>;
}

interface EmmettSqlite {
  getSQLiteEventStore(options: {
    fileName: string;
    hooks?: {
      onBeforeCommit?: (
        messages: unknown[],
        context: { connection: EmmettConnection },
      ) => Promise<void>;
    };
  }): EmmettEventStore;
  sqliteConnection(options: { fileName: string }): EmmettConnection;
  createEventStoreSchema(connection: EmmettConnection): Promise<void>;
  appendToStream(
    connection: EmmettConnection,
    streamName: string,
    streamType: string,
    events: EmmettEvent[],
  ): Promise<{ success: true; lastGlobalPosition: bigint } | { success: false }>;
}

export interface EmmettPeer {
  emmett: EmmettSqlite;
  /** e.g. "@event-driven-io/emmett-sqlite 0.38.5 on SQLite 3.44.2 (sqlite3 5.1.7)". */
  description: string;
}

/** The peer, or the one line that says why it is absent and how to install it. */
export function loadEmmett(): EmmettPeer | string {
  const peerRequire = createRequire(join(__dirname, 'peers', 'package.json'));
  try {
    const emmett = peerRequire(EMMETT_PACKAGE) as EmmettSqlite;
    const sqlite3 = peerRequire('sqlite3') as { VERSION: string };
    const version = (name: string): string => installedVersion(peerRequire, name);
    return {
      emmett,
      description:
        `${EMMETT_PACKAGE} ${version(EMMETT_PACKAGE)} on SQLite ${sqlite3.VERSION} ` +
        `(sqlite3 ${version('sqlite3')})`,
    };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') {
      return `Emmett column skipped: the optional peer is not installed; run \`${EMMETT_INSTALL}\``;
    }
    return `Emmett column skipped: the peer failed to load (${String(error)})`;
  }
}

/** Read from the file, since the package's exports map does not expose its package.json. */
function installedVersion(peerRequire: NodeRequire, name: string): string {
  let directory = dirname(peerRequire.resolve(name));
  while (!directory.endsWith(join('node_modules', name))) {
    if (dirname(directory) === directory) throw new Error(`no package folder for ${name}`);
    directory = dirname(directory);
  }
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Our event id becomes Emmett's message id; the rest is the same data and metadata. */
export function toEmmettEvents(events: BenchEvent[]): EmmettEvent[] {
  return events.map(({ eventId, type, data, metadata }) => ({
    type,
    data,
    metadata: { ...metadata, messageId: eventId },
  }));
}

/**
 * Emmett's store must not be called concurrently in one process: calls share one connection,
 * a second append joins the first one's transaction, and each call closes the connection when it
 * ends, so acknowledged appends are lost (bench/append-emmett-concurrency.ts shows it). Writers
 * therefore queue here, as an Emmett application would have to queue them.
 */
function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** Appends for SECONDS from every writer; returns events/s and how many events were written. */
async function appendFromWriters(
  { eventsPerAppend, writers }: Scenario,
  append: (stream: string, events: EmmettEvent[]) => Promise<unknown>,
): Promise<{ eventsPerSecond: number; written: number }> {
  const queued = oneAtATime();
  let written = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < deadline) {
        const events = toEmmettEvents(batchOf(eventsPerAppend));
        await queued(() => append(streamOfWriter(writer), events));
        written += eventsPerAppend;
      }
    }),
  );
  return { eventsPerSecond: written / ((performance.now() - started) / 1000), written };
}

/** A figure only counts if every acknowledged event is in the file. */
async function assertStored(connection: EmmettConnection, written: number): Promise<void> {
  const stored = await connection.querySingle<{ count: number }>(
    'SELECT COUNT(*) AS count FROM emt_messages',
  );
  if (stored?.count !== written) {
    throw new Error(`Emmett acknowledged ${written} events but stored ${stored?.count}`);
  }
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

export interface EmmettRun {
  eventsPerSecond: number;
  /** What Emmett's own connection reports, read inside its first append. */
  pragmas: string;
}

/** Emmett's event store as an application gets it from getSQLiteEventStore, on a file database. */
export async function throughEmmett(
  { emmett }: EmmettPeer,
  scenario: Scenario,
): Promise<EmmettRun> {
  const directory = freshDirectory('emmett');
  const fileName = join(directory, 'emmett.sqlite');
  let pragmas = '';
  const store = emmett.getSQLiteEventStore({
    fileName,
    hooks: {
      onBeforeCommit: async (_messages, { connection }) => {
        if (pragmas !== '') return;
        const journal = await connection.querySingle<{ journal_mode: string }>(
          'PRAGMA journal_mode',
        );
        const synchronous = await connection.querySingle<{ synchronous: number }>(
          'PRAGMA synchronous',
        );
        const level = synchronous?.synchronous ?? -1;
        pragmas = `journal_mode=${journal?.journal_mode}, synchronous=${SYNCHRONOUS[level] ?? level}`;
      },
    },
  });
  const { eventsPerSecond, written } = await appendFromWriters(scenario, (stream, events) =>
    store.appendToStream(stream, events),
  );
  const reader = emmett.sqliteConnection({ fileName });
  await assertStored(reader, written);
  reader.close();
  removeDirectory(directory);
  return { eventsPerSecond, pragmas };
}

/**
 * Emmett's own append function on one connection kept open: what its SQL costs without the store
 * opening and closing a connection around every append.
 */
export async function throughEmmettKeptConnection(
  { emmett }: EmmettPeer,
  scenario: Scenario,
): Promise<number> {
  const directory = freshDirectory('emmett-kept');
  const connection = emmett.sqliteConnection({ fileName: join(directory, 'emmett.sqlite') });
  await emmett.createEventStoreSchema(connection);
  const { eventsPerSecond, written } = await appendFromWriters(scenario, async (stream, events) => {
    const result = await emmett.appendToStream(connection, stream, 'contact', events);
    if (!result.success) throw new Error(`Emmett refused an append to ${stream}`);
  });
  await assertStored(connection, written);
  connection.close();
  removeDirectory(directory);
  return eventsPerSecond;
}
