import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCommandPayloads as examples } from '@chronicle/application';
import { type StoredEvent, TOKENS } from '../../src/commands/testing/api-harness';
import { RestartableApi } from '../../src/audit/testing/restartable-api';
import {
  checkpointSigned,
  consistencyHolds,
  inclusionHolds,
  leafOf,
  type SavedCheckpoint,
} from './support/independent-verifier';

interface InclusionAnswer {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  path: string[];
  rootHash: string;
}
interface ConsistencyAnswer {
  from: number;
  to: number;
  path: string[];
  fromRoot: string;
  toRoot: string;
}

describe('proofs an auditor checks with their own code', () => {
  let api: RestartableApi;
  let last = '0';
  const auditor = <T>(path: string) => api.request<T>(path, TOKENS.auditor);
  const send = async (
    type: keyof typeof examples,
    body: object = examples[type],
    token?: string,
  ) => {
    last = await api.accepted(type, body, token);
    return last;
  };

  beforeAll(async () => {
    api = await RestartableApi.start(mkdtempSync(join(tmpdir(), 'chronicle-proofs-e2e-')));
    const { customFields: _, ...contact } = examples.RegisterContact;
    await send('RegisterContact', contact);
    await send('LaunchCampaign');
    await send('DefineSlaPolicy');
    await send('DefineCustomField');
  });

  afterAll(async () => {
    await api.close();
    rmSync(api.dataDir, { recursive: true, force: true });
  });

  it('proves an event, read from the audit, included in a signed checkpoint', async () => {
    const early = (await auditor<SavedCheckpoint>(`/audit/checkpoints/latest?minPosition=${last}`))
      .body;
    await send('RecordCampaignTouch');
    await send('OpenDeal');
    const checkpoint = (
      await auditor<SavedCheckpoint>(`/audit/checkpoints/latest?minPosition=${last}`)
    ).body;
    expect(checkpointSigned(checkpoint)).toBe(true);
    expect(checkpoint).toMatchObject({ treeSize: Number(last), position: last });

    const [launched] = (await auditor<{ events: StoredEvent[] }>('/audit/streams/campaign-CMP-1'))
      .body.events;
    const proof = (
      await auditor<InclusionAnswer>(`/audit/proofs/inclusion?position=${launched!.position}`)
    ).body;
    expect(proof).toMatchObject({
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      leafHash: leafOf(launched!),
    });
    expect(
      inclusionHolds(
        leafOf(launched!),
        proof.leafIndex,
        proof.treeSize,
        proof.path,
        checkpoint.rootHash,
      ),
    ).toBe(true);
    expect(
      inclusionHolds(
        leafOf({ ...launched!, hash: '00' }),
        proof.leafIndex,
        proof.treeSize,
        proof.path,
        checkpoint.rootHash,
      ),
    ).toBe(false);

    const consistency = (
      await auditor<ConsistencyAnswer>(
        `/audit/proofs/consistency?from=${early.treeSize}&to=${checkpoint.treeSize}`,
      )
    ).body;
    expect(consistency).toMatchObject({ fromRoot: early.rootHash, toRoot: checkpoint.rootHash });
    expect(
      consistencyHolds(
        early.treeSize,
        checkpoint.treeSize,
        consistency.path,
        early.rootHash,
        checkpoint.rootHash,
      ),
    ).toBe(true);
  });

  it('verifies streams that belong to no contact', async () => {
    for (const streamId of ['campaign-CMP-1', 'sla-policies', 'custom-fields-contact']) {
      const answer = await auditor<{ ok: boolean; events: number }>(
        `/audit/streams/${streamId}/verify`,
      );
      expect({ streamId, ...answer.body }).toMatchObject({
        streamId,
        ok: true,
        events: expect.any(Number) as number,
      });
      expect(answer.body.events).toBeGreaterThan(0);
    }
  });

  it('keeps every proof after an erasure: the tree is over the stored ciphertext', async () => {
    const before = (await auditor<{ events: StoredEvent[] }>('/audit/streams/contact-C-1')).body
      .events;
    await send('EraseContactPersonalData', examples.EraseContactPersonalData, TOKENS.admin);
    await auditor(`/audit/checkpoints/latest?minPosition=${last}`);

    const verify = await auditor<{ ok: boolean; events: number; head: string }>('/audit/verify');
    expect(verify.body).toMatchObject({ ok: true, events: Number(last), head: last });
    expect((await auditor<{ ok: boolean }>('/audit/streams/contact-C-1/verify')).body.ok).toBe(
      true,
    );
    const proof = (
      await auditor<InclusionAnswer>(`/audit/proofs/inclusion?position=${before[0]!.position}`)
    ).body;
    expect(proof.leafHash).toBe(leafOf(before[0]!));
  });

  it('refuses unknown and malformed parameters, and other roles', async () => {
    const answers = await Promise.all([
      auditor<{ code: string; details: Array<{ field: string }> }>(
        '/audit/proofs/inclusion?position=abc&extra=1',
      ),
      auditor<{ code: string; details: Array<{ field: string }> }>(
        '/audit/proofs/consistency?from=2',
      ),
      auditor<{ code: string; details: Array<{ field: string }> }>('/audit/verify?deep=1'),
    ]);
    expect(
      answers.map(({ status, body }) => [
        status,
        body.code,
        body.details.map(({ field }) => field).sort(),
      ]),
    ).toEqual([
      [400, 'VALIDATION_FAILED', ['extra', 'position']],
      [400, 'VALIDATION_FAILED', ['to']],
      [400, 'VALIDATION_FAILED', ['deep']],
    ]);
    expect((await auditor('/audit/proofs/inclusion?position=999999')).status).toBe(404);
    expect((await api.request('/audit/verify', TOKENS.analyst)).status).toBe(403);
    expect((await api.request('/audit/checkpoints/latest', TOKENS.admin)).status).toBe(200);
  });
});
