// Child process for the crash spec: runs the counter projection over the stores in argv[2] (event
// store folder) and argv[3] (read store file) with small batches, and prints each hundredth
// position it has committed, until it is killed.
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { ProjectorRuntime } from '../projector-runtime';
import { SqliteReadStore } from '@chronicle/read-store/embedded';
import { counterProjection } from './test-projections';

async function main(): Promise<void> {
  const [directory, readStorePath] = process.argv.slice(2);
  if (!directory || !readStorePath) {
    throw new Error('usage: project-until-killed <events dir> <read store file>');
  }
  const eventStore = SqliteEventStore.open({ directory });
  const readStore = SqliteReadStore.open({ path: readStorePath });
  const runtime = new ProjectorRuntime({ eventStore, readStore, batchSize: 20 });
  runtime.register(counterProjection());
  await runtime.start();
  for (let position = 100; ; position += 100) {
    await runtime.waitForPosition('counter', String(position), 60_000);
    process.stdout.write(`${position}\n`);
  }
}

void main();
