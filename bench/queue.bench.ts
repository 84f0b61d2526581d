// npm run bench:queue — N commands pushed onto the command queue by a producer (every tenth job id
// pushed twice), beside the same number of commands over HTTP, in one process against the local
// Redis; then checks that each queued command was applied exactly once.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { deleteKeysWithPrefix } from '../libs/scheduling/src/adapters/bullmq';
import { QueueHarness, SERVICE_TOKEN } from '../apps/api/src/queue/testing/queue-harness';
import {
  formatRate,
  freshDirectory,
  peakRssMiB,
  printTable,
  removeDirectory,
} from './bench-support';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
const HTTP_CONCURRENCY = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 64);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const run = randomBytes(4).toString('hex');
const prefix = `bench-${run}`;
const queueName = 'chronicle-commands';

const registration = (contactId: string) => ({ contactId, firstName: 'Bench' });

async function throughQueue(): Promise<number> {
  const queue = new Queue(queueName, { connection: { url: REDIS_URL }, prefix });
  const jobs = Array.from({ length: COMMANDS }, (_, index) => ({
    name: 'RegisterContact',
    data: { payload: registration(`Q-${index}`), actor: 'bench-producer' },
    opts: { jobId: `bench-q-${index}` },
  }));
  // A producer retrying its adds: the same job ids again, which BullMQ must not run twice.
  const duplicates = jobs.filter((_, index) => index % 10 === 0);
  const started = performance.now();
  for (let from = 0; from < jobs.length; from += 1000) {
    await queue.addBulk(jobs.slice(from, from + 1000));
  }
  await queue.addBulk(duplicates);
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    if ((counts.completed ?? 0) + (counts.failed ?? 0) >= COMMANDS) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const failed = (await queue.getJobCounts('failed')).failed ?? 0;
  await queue.close();
  if (failed > 0) throw new Error(`${failed} queued commands failed`);
  return COMMANDS / seconds;
}

async function overHttp(api: QueueHarness): Promise<number> {
  let next = 0;
  const started = performance.now();
  const sender = async (): Promise<void> => {
    while (next < COMMANDS) {
      const index = next++;
      const response = await fetch(`${api.baseUrl}/commands/RegisterContact`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${SERVICE_TOKEN}`,
          'Idempotency-Key': `bench-h-${index}`,
        },
        body: JSON.stringify(registration(`H-${index}`)),
      });
      if (response.status !== 201) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: HTTP_CONCURRENCY }, sender));
  return COMMANDS / ((performance.now() - started) / 1000);
}

async function appliedExactlyOnce(api: QueueHarness): Promise<number> {
  let wrong = 0;
  for (let index = 0; index < COMMANDS; index += 1) {
    const events = await api.eventStore.readStream(`contact-Q-${index}`);
    if (events.length !== 1) wrong += 1;
  }
  return wrong;
}

async function main(): Promise<void> {
  const dataDir = freshDirectory('queue');
  const api = await QueueHarness.start({
    redisUrl: REDIS_URL,
    dataDir,
    prefix,
    slaTimers: false,
    commandQueue: { queueName, prefix },
  });
  try {
    const queueRate = await throughQueue();
    const httpRate = await overHttp(api);
    const wrong = await appliedExactlyOnce(api);
    console.log(`\n${COMMANDS} RegisterContact commands each way (one process, local Redis)\n`);
    printTable(
      ['path', 'commands/s'],
      [
        ['BullMQ chronicle-commands (concurrency 50)', formatRate(queueRate)],
        [`HTTP POST /commands (${HTTP_CONCURRENCY} clients)`, formatRate(httpRate)],
      ],
    );
    console.log(
      `\nqueue / HTTP: ${(queueRate / httpRate).toFixed(2)}x; peak RSS ${peakRssMiB()} MiB`,
    );
    console.log(
      wrong === 0
        ? `exactly once: all ${COMMANDS} queued commands applied once (10% of job ids pushed twice)`
        : `exactly once FAILED: ${wrong} contacts without exactly one event`,
    );
    if (wrong > 0) process.exitCode = 1;
  } finally {
    await api.close(true);
    removeDirectory(dataDir);
    await deleteKeysWithPrefix(REDIS_URL, prefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
