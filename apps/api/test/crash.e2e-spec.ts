import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess } from './support/server-process';

// kill -9 of the server in the middle of a burst of commands: every command answered 201 before
// the kill must be stored exactly once after a restart, and answer the same when retried.
const KEYS = 'svc-token=service;aud-token=auditor';

interface Answer {
  commandId: string;
  streamId: string;
  position: string;
  events: Array<{ eventId: string; type: string }>;
}

async function post(
  baseUrl: string,
  type: string,
  key: string,
  body: object,
): Promise<{ status: number; answer: Answer }> {
  const response = await fetch(`${baseUrl}/commands/${type}`, {
    method: 'POST',
    headers: {
      Authorization: 'Bearer svc-token',
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as Answer };
}

async function storedEventIds(baseUrl: string, streamId: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/audit/streams/${streamId}?limit=1000`, {
    headers: { Authorization: 'Bearer aud-token' },
  });
  const body = (await response.json()) as { events: Array<{ eventId: string }> };
  return body.events.map((event) => event.eventId);
}

describe('a server killed -9 mid-burst', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-crash-e2e-'));
  });
  afterEach(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no command it answered 201, and a retry answers as the first time', async () => {
    const env = { CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: KEYS };
    server = await ServerProcess.start(env);
    const { baseUrl } = server;
    const acknowledged: Array<{ key: string; type: string; body: object; answer: Answer }> = [];
    let killed = false;
    let burstUnderWay!: () => void;
    const enoughAcknowledged = new Promise<void>((resolve) => (burstUnderWay = resolve));

    // 24 clients, each registering a contact and logging interactions on it, until the kill.
    const clients = Array.from({ length: 24 }, async (_, client) => {
      const contactId = `C-${client}`;
      for (let step = 0; !killed; step += 1) {
        const [type, body] =
          step === 0
            ? ['RegisterContact', { contactId, lastName: `Client ${client}` }]
            : ['LogInteraction', { interactionId: `I-${client}-${step}`, contactId, kind: 'call' }];
        const key = `crash-${client}-${step}`;
        try {
          const { status, answer } = await post(baseUrl, type, key, body);
          if (status === 201) acknowledged.push({ key, type, body, answer });
          if (acknowledged.length >= 300) burstUnderWay();
        } catch {
          return; // the connection died with the server
        }
      }
    });
    await enoughAcknowledged;
    killed = true;
    await server.kill();
    await Promise.all(clients);

    server = await ServerProcess.start(env);
    for (const { answer } of acknowledged) {
      const stored = await storedEventIds(server.baseUrl, answer.streamId);
      for (const event of answer.events) {
        expect(stored.filter((id) => id === event.eventId)).toHaveLength(1);
      }
    }
    for (const { key, type, body, answer } of acknowledged.slice(-20)) {
      const retried = await post(server.baseUrl, type, key, body);
      expect(retried.status).toBe(201);
      expect(retried.answer).toEqual(answer);
    }
  });
});
