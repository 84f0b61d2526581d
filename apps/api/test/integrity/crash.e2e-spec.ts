import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess } from '../support/server-process';
import {
  leafOf,
  checkpointSigned,
  inclusionHolds,
  type SavedCheckpoint,
} from './support/independent-verifier';

// kill -9 while commands pour in and the tree follows them: after a restart the tree resumes
// from its last stored leaf, the whole store verifies, and the new checkpoint proves every event.
const KEYS = 'svc-token=service;aud-token=auditor';

async function get<T>(baseUrl: string, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: 'Bearer aud-token' },
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function register(baseUrl: string, index: number): Promise<number> {
  const response = await fetch(`${baseUrl}/commands/RegisterContact`, {
    method: 'POST',
    headers: { Authorization: 'Bearer svc-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ contactId: `C-${index}`, firstName: 'Ada', source: 'web' }),
  }).catch(() => undefined);
  return response?.status ?? 0;
}

describe('the integrity tree across a kill -9', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-integrity-crash-'));
  });
  afterEach(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes after its last stored leaf, and the whole store verifies and proves', async () => {
    const env = { CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: KEYS };
    server = await ServerProcess.start(env);
    let answered = 0;
    const burst = Array.from({ length: 400 }, async (_, index) => {
      if ((await register(server!.baseUrl, index)) === 201) answered += 1;
      if (answered === 150) await server!.kill();
    });
    await Promise.all(burst);
    expect(answered).toBeGreaterThanOrEqual(150);

    server = await ServerProcess.start(env);
    const verify = await get<{ ok: boolean; events: number; head: string }>(
      server.baseUrl,
      '/audit/verify',
    );
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.events).toBeGreaterThanOrEqual(answered);

    const checkpoint = await get<SavedCheckpoint>(
      server.baseUrl,
      `/audit/checkpoints/latest?minPosition=${verify.body.head}`,
    );
    expect(checkpoint.body).toMatchObject({
      treeSize: verify.body.events,
      position: verify.body.head,
    });
    expect(checkpointSigned(checkpoint.body)).toBe(true);
    const [first] = (
      await get<{ events: Array<{ position: string; hash: string }> }>(
        server.baseUrl,
        '/audit/streams/contact-C-0',
      )
    ).body.events;
    const proof = await get<{ leafIndex: number; path: string[] }>(
      server.baseUrl,
      `/audit/proofs/inclusion?position=${first!.position}`,
    );
    expect(
      inclusionHolds(
        leafOf(first!),
        proof.body.leafIndex,
        checkpoint.body.treeSize,
        proof.body.path,
        checkpoint.body.rootHash,
      ),
    ).toBe(true);
    const health = await get<{ integrity: { status: string; following: boolean } }>(
      server.baseUrl,
      '/health',
    );
    expect(health.body.integrity).toMatchObject({ status: 'ok', following: true });
  });
});
