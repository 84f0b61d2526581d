import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisChild } from '../../../../libs/scheduling/src/testing/redis-child';
import { LoopbackReceiver } from '../../../../libs/webhooks/src/testing/loopback-receiver';
import { ServerProcess } from '../support/server-process';
import { ledgerOf, storedEventIds } from './support/delivery-ledger';

const ADMIN = 'crash-admin';
const SERVICE = 'crash-service';

async function call(baseUrl: string, path: string, body: unknown, token: string): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

/** A ticket's life in three events on its own stream, so per-stream order can be checked. */
async function ticketLife(baseUrl: string, ticketId: string): Promise<void> {
  const steps: Array<[string, unknown]> = [
    [
      'OpenTicket',
      { ticketId, contactId: 'C-CRASH', subject: 's', priority: 'low', channel: 'web' },
    ],
    ['AssignTicket', { ticketId, agentId: 'A-1' }],
    ['CloseTicket', { ticketId }],
  ];
  for (const [type, payload] of steps) {
    const status = await call(baseUrl, `/commands/${type}`, payload, SERVICE).catch(() => 0);
    if (status !== 201) return;
  }
}

describe('webhook deliveries across kill -9 and a Redis that comes back empty', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  const receiver = new LoopbackReceiver();

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-webhook-crash-'));
    await receiver.start();
  });

  afterEach(async () => {
    await server?.kill();
    await receiver.stop();
    receiver.hits.length = 0;
    receiver.react = () => ({ status: 200 });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string> = {}) => {
    server = await ServerProcess.start({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: `${ADMIN}=admin;${SERVICE}=service`,
      CHRONICLE_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      REDIS_URL: '',
      ...env,
    });
    return server.baseUrl;
  };

  async function allDelivered(baseUrl: string): Promise<void> {
    const stored = await storedEventIds(baseUrl, ADMIN);
    await receiver.until(
      () => [...stored].every((id) => receiver.acknowledged().some((hit) => hit.eventId === id)),
      `${stored.size} events delivered`,
      60_000,
    );
  }

  it('delivers every event at least once, in stream order, when the server is killed mid-delivery', async () => {
    receiver.react = () => ({ status: 200, afterMs: 2 });
    let baseUrl = await start();
    await call(baseUrl, '/admin/webhooks', { url: receiver.url, eventTypes: ['*'] }, ADMIN);
    await call(
      baseUrl,
      '/commands/RegisterContact',
      { contactId: 'C-CRASH', firstName: 'K' },
      SERVICE,
    );
    const load = Promise.all(Array.from({ length: 60 }, (_, n) => ticketLife(baseUrl, `T-K${n}`)));
    await receiver.until(() => receiver.hits.length >= 40, 'deliveries under way');
    await server!.kill();
    await load;
    baseUrl = await start();
    await Promise.all(Array.from({ length: 20 }, (_, n) => ticketLife(baseUrl, `T-L${n}`)));
    await allDelivered(baseUrl);
    const ledger = ledgerOf(receiver);
    // Figures for docs/reliability.md: duplicates stay a small share of the deliveries.
    process.stdout.write(
      `webhook kill -9: ${ledger.unique} events, ${ledger.duplicates} duplicates ` +
        `(${((100 * ledger.duplicates) / ledger.unique).toFixed(1)} %)\n`,
    );
    expect(ledger.outOfOrder).toEqual([]);
    expect(ledger.duplicates).toBeLessThan(ledger.unique / 4);
  }, 120_000);

  it('delivers what was failing when Redis restarts empty, its retry timers lost', async () => {
    const redis = await RedisChild.start();
    try {
      let failing = true;
      receiver.react = () => (failing ? { status: 500 } : { status: 200 });
      const baseUrl = await start({
        REDIS_URL: redis.url,
        CHRONICLE_REDIS_PREFIX: 'webhook-crash',
      });
      await call(baseUrl, '/admin/webhooks', { url: receiver.url, eventTypes: ['*'] }, ADMIN);
      await call(
        baseUrl,
        '/commands/RegisterContact',
        { contactId: 'C-CRASH', firstName: 'R' },
        SERVICE,
      );
      await Promise.all(Array.from({ length: 5 }, (_, n) => ticketLife(baseUrl, `T-R${n}`)));
      await receiver.until(() => receiver.hits.length >= 6, 'first attempts failed');
      await redis.kill();
      await ticketLife(baseUrl, 'T-DURING');
      await redis.restart();
      failing = false;
      await allDelivered(baseUrl);
      expect(ledgerOf(receiver).outOfOrder).toEqual([]);
    } finally {
      await redis.kill();
    }
  }, 120_000);
});
