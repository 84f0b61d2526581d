// npm run bench:feed — the change feed and webhooks.
// 1. Feed read rate: every event of a store of BENCH_FEED_EVENTS (default 20,000) sealed contact
//    events read as GET /feed pages of 1,000 (readFeedPage, decryption, upcasting and JSON, minus
//    HTTP), next to a bare readAll of the same pages in the same run.
// 2. Webhooks: the API in its own process (source run, embedded stores), commands sent at
//    BENCH_RATE per second (default 500) for BENCH_SECONDS (default 5), first alone, then with
//    BENCH_SUBSCRIBERS (default 10) subscriptions to a receiver in this process: the commands' own
//    latency in both phases, the delivery throughput, and the latency from a command's 201 to the
//    receiver's hit of its event. Everything shares the machine's cores: figures are noisy.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PersonalDataCipher, UpcastingReader } from '../libs/application/src';
import { SqliteKeyStore } from '../libs/application/src/adapters/embedded/key-store.sqlite';
import { readFeedPage, toFeedEvent } from '../libs/change-feed/src';
import { type EventToAppend } from '../libs/event-store/src';
import { SqliteEventStore } from '../libs/event-store/src/adapters/embedded';
import { LoopbackReceiver } from '../libs/webhooks/src/testing/loopback-receiver';
import { listeningUrl } from '../apps/api/test/support/server-process';
import { freshDirectory, formatRate, printTable, removeDirectory } from './bench-support';

const EVENTS = Number(process.env.BENCH_FEED_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10);
const PAGE = 1000;
const TOKEN = 'bench-feed-token';

/** `share` of the events carry personal fields (sealed names and e-mails), the others none. */
async function feedReadRate(label: string, share: number): Promise<string[][]> {
  const directory = freshDirectory('feed');
  const store = SqliteEventStore.open({ directory });
  const keys = SqliteKeyStore.open(join(directory, 'keys.sqlite'));
  const cipher = new PersonalDataCipher(keys);
  const reader = new UpcastingReader(cipher, keys);
  try {
    const pending: Array<Promise<unknown>> = [];
    for (let i = 0; i < EVENTS; i += 1) {
      const contactId = `C-${i % 2000}`;
      const personal = (i % 100) / 100 < share;
      const [streamId, type, data] = personal
        ? [
            `contact-${contactId}`,
            'ContactRegistered',
            { contactId, firstName: 'Ada', email: `a${i}@x.io` },
          ]
        : [`deal-D-${i % 2000}`, 'DealStageAdvanced', { dealId: `D-${i % 2000}`, stage: 'demo' }];
      const sealed = (await cipher.seal({ type, data })) as EventToAppend['data'];
      const metadata = { occurredAt: new Date().toISOString(), schemaVersion: 1 };
      pending.push(
        store.append(streamId, [{ eventId: randomUUID(), type, data: sealed, metadata }], 'any'),
      );
      if (pending.length >= 200) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    // Each read runs once untimed first: the timed pass measures warm code, not the JIT.
    const readBare = async () => {
      let after = '0';
      for (;;) {
        const page = await store.readAll({ after, maxCount: PAGE });
        if (page.length === 0) return;
        after = page.at(-1)!.position;
      }
    };
    const readFeed = async () => {
      let after = '0';
      for (;;) {
        const page = await readFeedPage(store, { after, limit: PAGE, filter: {}, waitMs: 0 });
        if (page.events.length === 0) return;
        const events = await Promise.all(page.events.map((event) => toFeedEvent(reader, event)));
        JSON.stringify({ events, next: page.next, head: page.head });
        after = page.next;
      }
    };
    await readBare();
    await readFeed();
    const bare = await timed(readBare);
    const feed = await timed(readFeed);
    return [
      [label, 'bare readAll, pages of 1,000', seconds(bare), rate(EVENTS, bare), '100 %'],
      [
        label,
        'GET /feed pages (decrypted, JSON)',
        seconds(feed),
        rate(EVENTS, feed),
        `${Math.round((100 * bare) / feed)} %`,
      ],
    ];
  } finally {
    await store.close();
    await keys.close();
    removeDirectory(directory);
  }
}

async function webhookLatency(): Promise<void> {
  const directory = freshDirectory('webhooks');
  const receiver = new LoopbackReceiver();
  await receiver.start();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '..', 'apps', 'api', 'src', 'main.ts')],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CHRONICLE_DATA_DIR: directory,
        CHRONICLE_API_KEYS: `${TOKEN}=service,admin`,
        CHRONICLE_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const baseUrl = await listeningUrl(child);
    const alone = await load(baseUrl, 'alone');
    for (let n = 0; n < SUBSCRIBERS; n += 1) {
      await post(baseUrl, '/admin/webhooks', {
        url: receiver.url,
        eventTypes: ['ContactRegistered'],
      });
    }
    const started = Date.now();
    const attached = await load(baseUrl, 'attached');
    const expected = attached.accepted.size * SUBSCRIBERS;
    await receiver.until(() => receiver.hits.length >= expected, `${expected} deliveries`, 120_000);
    const deliverySeconds = (Math.max(...receiver.hits.map((hit) => hit.at)) - started) / 1000;
    const endToEnd = receiver.hits
      .map((hit) => hit.at - (attached.accepted.get(hit.eventId) ?? hit.at))
      .sort((a, b) => a - b);
    printTable(
      [
        'phase',
        'commands',
        'failed',
        'command p50 ms',
        'command p99 ms',
        'deliveries/s',
        'e2e p50 ms',
        'e2e p99 ms',
      ],
      [
        [
          'no subscriber',
          String(alone.latencies.length),
          String(alone.failures),
          pct(alone.latencies, 50),
          pct(alone.latencies, 99),
          '–',
          '–',
          '–',
        ],
        [
          `${SUBSCRIBERS} subscribers`,
          String(attached.latencies.length),
          String(attached.failures),
          pct(attached.latencies, 50),
          pct(attached.latencies, 99),
          formatRate(receiver.hits.length / deliverySeconds),
          pct(endToEnd, 50),
          pct(endToEnd, 99),
        ],
      ],
    );
    console.log(
      `\n${RATE} commands/s offered for ${SECONDS} s per phase; ${receiver.hits.length} deliveries.`,
    );
  } finally {
    child.kill('SIGKILL');
    await receiver.stop();
    removeDirectory(directory);
  }
}

/** Commands at a steady offered rate (open loop); their latencies and each event's 201 time. */
async function load(baseUrl: string, label: string) {
  const latencies: number[] = [];
  const accepted = new Map<string, number>();
  let failures = 0;
  const inFlight: Array<Promise<void>> = [];
  const perTick = Math.max(1, Math.round(RATE / 100));
  const start = Date.now();
  for (let tick = 0; tick < SECONDS * 100; tick += 1) {
    for (let n = 0; n < perTick; n += 1) {
      const sent = Date.now();
      inFlight.push(
        post(baseUrl, '/commands/RegisterContact', {
          contactId: `C-${label}-${tick}-${n}`,
          firstName: 'Bench',
        }).then(
          (body) => {
            const now = Date.now();
            latencies.push(now - sent);
            const events = (body as { events?: Array<{ eventId: string }> }).events;
            const eventId = events?.[0]?.eventId;
            if (eventId) accepted.set(eventId, now);
            else failures += 1;
          },
          () => {
            failures += 1;
          },
        ),
      );
    }
    // Paced against the start, so a late tick does not lower the offered rate.
    const wait = start + (tick + 1) * 10 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  await Promise.all(inFlight);
  return { latencies: latencies.sort((a, b) => a - b), accepted, failures };
}

async function post(baseUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rate = (count: number, ms: number) => formatRate((count * 1000) / ms);
const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? '–'
    : String(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function main(): Promise<void> {
  console.log(`### Feed read rate (${EVENTS} events per store)\n`);
  const rows = [
    ...(await feedReadRate('every event personal', 1)),
    ...(await feedReadRate('1 in 4 personal', 0.25)),
  ];
  printTable(['history', 'read', 'seconds', 'events/s', 'share of bare'], rows);
  console.log('\n### Webhook delivery\n');
  await webhookLatency();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
