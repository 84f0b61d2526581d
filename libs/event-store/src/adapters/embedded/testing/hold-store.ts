// Child process for the lock tests: opens the store in `argv[2]`, says whether it could, and
// (when it could) holds it until killed.
import { SqliteEventStore } from '../sqlite-event-store';

try {
  SqliteEventStore.open({ directory: process.argv[2] ?? '' });
  process.stdout.write('opened\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
  process.exit(3);
}
