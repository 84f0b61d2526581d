// Why bench:append queues Emmett's appends: 64 writers call one Emmett SQLite store at once, as
// they call our port, and this counts what succeeds, what fails and what is stored.
// node -r @swc-node/register bench/append-emmett-concurrency.ts
import { join } from 'node:path';
import { loadEmmett, toEmmettEvents } from './append-emmett';
import { batchOf, SECONDS, streamOfWriter } from './append-workload';
import { freshDirectory, removeDirectory } from './bench-support';

const WRITERS = 64;

function failureName(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return String(code ?? message);
}

async function main(): Promise<void> {
  const peer = loadEmmett();
  if (typeof peer === 'string') {
    console.log(peer);
    return;
  }
  const directory = freshDirectory('emmett-concurrent');
  const fileName = join(directory, 'emmett.sqlite');
  const store = peer.emmett.getSQLiteEventStore({ fileName });
  const failures = new Map<string, number>();
  let acknowledged = 0;
  // Emmett prints every failed transaction with console.log; they are counted below instead.
  const print = console.log;
  console.log = () => undefined;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      while (performance.now() < deadline) {
        try {
          await store.appendToStream(streamOfWriter(writer), toEmmettEvents(batchOf(1)));
          acknowledged += 1;
        } catch (error) {
          const name = failureName(error);
          failures.set(name, (failures.get(name) ?? 0) + 1);
        }
      }
    }),
  );
  console.log = print;
  const reader = peer.emmett.sqliteConnection({ fileName });
  const stored = await reader.querySingle<{ count: number }>(
    'SELECT COUNT(*) AS count FROM emt_messages',
  );
  reader.close();
  removeDirectory(directory);
  const failed = [...failures].map(([name, count]) => `${name} × ${count}`).join(', ');
  console.log(
    `${WRITERS} concurrent writers on one Emmett store for ${SECONDS} s (${peer.description}): ` +
      `${acknowledged} appends acknowledged, ${stored?.count ?? 0} events stored, ` +
      `failures: ${failed || 'none'}`,
  );
}

void main();
