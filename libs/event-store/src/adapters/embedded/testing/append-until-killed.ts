// Child process for the crash tests: appends to the store in `argv[2]` from 16 concurrent
// writers and prints each acknowledged event id, until it is killed.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite-event-store';

const directory = process.argv[2];
if (!directory) throw new Error('usage: append-until-killed <directory>');
const store = SqliteEventStore.open({ directory });
process.stdout.write('ready\n');

async function writer(id: number): Promise<never> {
  for (;;) {
    const eventId = randomUUID();
    await store.append(
      `crash-${id}`,
      [{ eventId, type: 'Appended', data: { id }, metadata: {} }],
      'any',
    );
    process.stdout.write(`${eventId}\n`);
  }
}

void Promise.all(Array.from({ length: 16 }, (_, id) => writer(id)));
