// Child process for the lock tests: opens the store in `argv[2]`, says whether it could, and
// (when it could) holds it until killed.
import { SqliteEventStore } from '../sqlite-event-store';

try {
  const store = SqliteEventStore.open({ directory: process.argv[2] ?? '' });
  process.stdout.write('opened\n');
  // The timer keeps the store reachable: a collected connection would let go of the lock.
  setInterval(() => store, 60_000);
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
  process.exit(3);
}
