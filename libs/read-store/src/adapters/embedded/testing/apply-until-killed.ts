// Child process for the crash test: applies batches to the store at `argv[2]`, each moving the
// checkpoint by one and rewriting documents it can be checked against, and prints each
// acknowledged checkpoint, until it is killed.
import type { DocumentWrite } from '../../../read-store.port';
import { SqliteReadStore } from '../sqlite-read-store';
import { crashBatchWrites, CRASH_PROJECTION } from './crash-batches';

const path = process.argv[2];
if (!path) throw new Error('usage: apply-until-killed <file>');
const store = SqliteReadStore.open({ path });
process.stdout.write('ready\n');

async function applyForever(): Promise<never> {
  let position = Number((await store.checkpoint(CRASH_PROJECTION)) ?? '0');
  for (;;) {
    const writes: DocumentWrite[] = crashBatchWrites(position + 1);
    await store.applyBatch({
      projection: CRASH_PROJECTION,
      writes,
      expectedCheckpoint: position === 0 ? undefined : String(position),
      checkpoint: String(position + 1),
    });
    position += 1;
    process.stdout.write(`${position}\n`);
  }
}

void applyForever();
