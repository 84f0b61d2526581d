// npm run bench:integrity — the Merkle tree at scale (docs/benchmarks.md, "Integrity").
// 1. A tree of BENCH_LEAVES (default 1,000,000) leaves built by the builder in 1000-leaf steps,
//    as the follower writes them: leaves/s and the tree file's size.
// 2. Inclusion and consistency proofs against that tree, each from the stored nodes.
// 3. BENCH_EVENTS (default 200,000) real events in an embedded store: the follower's catch-up
//    through the port, then GET /audit/verify's whole-store check, with the longest event-loop
//    stall each caused.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type RecordedEvent } from '../libs/event-store/src';
import { SqliteEventStore } from '../libs/event-store/src/adapters/embedded';
import { IntegrityLog, parseSigningKey } from '../libs/integrity/src';
import { SqliteTreeStore } from '../libs/integrity/src/adapters/embedded';
import { TreeBuilder } from '../libs/integrity/src/follower/tree-builder';
import { consistencyPath, inclusionPath } from '../libs/integrity/src/merkle/proofs';
import { rootAt } from '../libs/integrity/src/merkle/node-source';
import { freshDirectory, printTable, removeDirectory } from './bench-support';

const LEAVES = Number(process.env.BENCH_LEAVES ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const PROOFS = 2000;
const key = parseSigningKey(
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
);

function fileSize(directory: string): number {
  return ['integrity.sqlite', 'integrity.sqlite-wal']
    .map((file) => {
      try {
        return statSync(join(directory, file)).size;
      } catch {
        return 0;
      }
    })
    .reduce((a, b) => a + b, 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function timeEach(count: number, run: (index: number) => void): { median: number; p99: number } {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    run(index);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

function buildTree(directory: string): { seconds: number; store: SqliteTreeStore } {
  const store = SqliteTreeStore.open(directory);
  const builder = new TreeBuilder({ store, key, checkpointEvery: 1000 });
  const start = performance.now();
  for (let first = 1; first <= LEAVES; first += 1000) {
    const events = Array.from({ length: Math.min(1000, LEAVES - first + 1) }, (_, offset) => ({
      position: String(first + offset),
      streamId: `contact-${(first + offset) % 50_000}`,
      revision: Math.floor((first + offset) / 50_000),
      hash: randomUUID().replace(/-/g, '').repeat(2),
    })) as RecordedEvent[];
    builder.add(events);
  }
  return { seconds: (performance.now() - start) / 1000, store };
}

async function seedEvents(directory: string): Promise<SqliteEventStore> {
  const store = SqliteEventStore.open({ directory, synchronous: 'NORMAL' });
  for (let written = 0; written < EVENTS; written += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, offset) =>
        store.append(
          `contact-${(written + offset) % 20_000}`,
          [
            {
              eventId: randomUUID(),
              type: 'ContactDetailsUpdated',
              data: { note: 'x'.repeat(200), n: written + offset },
              metadata: { actor: 'bench', occurredAt: new Date().toISOString() },
            },
          ],
          'any',
        ),
      ),
    );
  }
  return store;
}

async function stalls<T>(
  work: () => Promise<T>,
): Promise<{ value: T; seconds: number; maxStallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  histogram.disable();
  return { value, seconds, maxStallMs: histogram.max / 1e6 };
}

async function main(): Promise<void> {
  const treeDir = freshDirectory('integrity-tree');
  const { seconds, store } = buildTree(treeDir);
  const size = store.size();
  const inclusion = timeEach(PROOFS, (i) => inclusionPath(store, (i * 7919) % size, size));
  const consistency = timeEach(PROOFS, (i) =>
    consistencyPath(store, 1 + ((i * 7919) % size), size),
  );
  const root = timeEach(PROOFS, (i) => rootAt(store, 1 + ((i * 104_729) % size)));
  const treeBytes = fileSize(treeDir);
  store.close();
  removeDirectory(treeDir);

  const logDir = freshDirectory('integrity-log');
  const eventStore = await seedEvents(logDir);
  const tree = SqliteTreeStore.open(logDir);
  const integrity = new IntegrityLog({ eventStore, store: tree, key, contiguousPositions: true });
  const head = await eventStore.headPosition();
  const catchUp = await stalls(async () => {
    await integrity.start();
    // The route waits 5 s at most; a catch-up of this size takes longer.
    for (;;) {
      try {
        return await integrity.latestCheckpoint(head);
      } catch (error) {
        if ((error as { code?: string }).code !== 'NOT_CAUGHT_UP') throw error;
      }
    }
  });
  await integrity.verify(); // the check every start runs in the background
  const verify = await stalls(() => integrity.verify());
  await integrity.stop();
  tree.close();
  await eventStore.close();
  removeDirectory(logDir);

  const rows = [
    [
      `build ${LEAVES} leaves`,
      `${Math.round(LEAVES / seconds)} leaves/s`,
      `${(treeBytes / LEAVES).toFixed(0)} bytes/leaf on disk`,
    ],
    [
      'inclusion proof',
      `${(inclusion.median * 1000).toFixed(0)} µs median`,
      `p99 ${(inclusion.p99 * 1000).toFixed(0)} µs`,
    ],
    [
      'consistency proof',
      `${(consistency.median * 1000).toFixed(0)} µs median`,
      `p99 ${(consistency.p99 * 1000).toFixed(0)} µs`,
    ],
    [
      'root at any size',
      `${(root.median * 1000).toFixed(0)} µs median`,
      `p99 ${(root.p99 * 1000).toFixed(0)} µs`,
    ],
    [
      `follower catch-up, ${EVENTS} events`,
      `${Math.round(EVENTS / catchUp.seconds)} events/s`,
      `longest loop stall ${catchUp.maxStallMs.toFixed(0)} ms`,
    ],
    [
      'whole-store verify',
      `${Math.round(verify.value.events / verify.seconds)} events/s (${verify.seconds.toFixed(1)} s)`,
      `ok ${String(verify.value.ok)}, longest loop stall ${verify.maxStallMs.toFixed(0)} ms`,
    ],
  ];
  printTable(['what', 'figure', 'note'], rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
