import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCommandPayloads as examples } from '@chronicle/application';
import { TOKENS } from '../../../src/commands/testing/api-harness';
import { RestartableApi } from '../../../src/audit/testing/restartable-api';
import type { SavedCheckpoint } from './independent-verifier';

/** Where each interesting event of the world landed. */
export interface WorldPositions {
  contactRegistered: string;
  dealOpened: string;
  campaignLaunched: string;
  campaignCompleted: string;
  slaPolicyDefined: string;
  dealWon: string;
  last: string;
}

export interface IntegrityWorld {
  /** A stopped server's data folder; copy it before changing it. */
  dataDir: string;
  positions: WorldPositions;
  /** The checkpoint saved from GET /audit/checkpoints/latest before the server stopped. */
  checkpoint: SavedCheckpoint;
  checkpointFile: string;
}

/**
 * A small CRM history over contact, deal, campaign and SLA-policy streams, written through the
 * API, with the server's checkpoint over all of it saved to a file; the server is then stopped.
 */
export async function buildWorld(): Promise<IntegrityWorld> {
  const api = await RestartableApi.start(mkdtempSync(join(tmpdir(), 'chronicle-integrity-e2e-')));
  try {
    const send = (type: keyof typeof examples, body: object = examples[type]) =>
      api.accepted(type, body);
    const { customFields: _, ...contact } = examples.RegisterContact;
    const contactRegistered = await send('RegisterContact', contact);
    const dealOpened = await send('OpenDeal');
    const campaignLaunched = await send('LaunchCampaign');
    await send('RecordCampaignTouch');
    const campaignCompleted = await send('CompleteCampaign');
    const slaPolicyDefined = await send('DefineSlaPolicy');
    await send('AdvanceDealStage');
    const dealWon = await send('WinDeal');
    const last = await send('RecordConsent');
    const answer = await api.request<SavedCheckpoint>(
      `/audit/checkpoints/latest?minPosition=${last}`,
      TOKENS.auditor,
    );
    if (answer.status !== 200) throw new Error(`checkpoint answered ${answer.status}`);
    const checkpointFile = join(
      mkdtempSync(join(tmpdir(), 'chronicle-saved-checkpoint-')),
      'checkpoint.json',
    );
    writeFileSync(checkpointFile, JSON.stringify(answer.body));
    return {
      dataDir: api.dataDir,
      positions: {
        contactRegistered,
        dealOpened,
        campaignLaunched,
        campaignCompleted,
        slaPolicyDefined,
        dealWon,
        last,
      },
      checkpoint: answer.body,
      checkpointFile,
    };
  } finally {
    await api.close();
  }
}

/** A copy of the world's stopped data folder to tamper with. */
export function copyOf(world: IntegrityWorld): string {
  const copy = mkdtempSync(join(tmpdir(), 'chronicle-tampered-'));
  cpSync(world.dataDir, copy, { recursive: true });
  return copy;
}
