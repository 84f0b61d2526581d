import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultPoint } from '@chronicle/application';
import { ApiProcess, TOKENS } from './api-process';
import { PERSONAL, personalValuesServed, recordSubject, SUBJECT } from './erasure-subject';
import { remnantsFoundIn, remnantsOf } from './subject-remnants';

const ERASE = { contactId: SUBJECT, reason: 'art. 17' };

function erase(api: ApiProcess, key: string | undefined) {
  const headers: Record<string, string> = key ? { 'Idempotency-Key': key } : {};
  return api.request<{ position: string; events: Array<{ type: string }> }>(
    'POST',
    '/commands/EraseContactPersonalData',
    TOKENS.admin,
    ERASE,
    headers,
  );
}

/**
 * The API is killed (-9, by the armed fault point) at `point` of an erasure, then started again
 * without it. Proves: once the erasure is stored, no route serves a personal value of the subject
 * and no file holds its key, keyed hashes or idempotency records, already before the first request
 * after the restart; a repeated erase answers 201; and a kill -9 afterwards leaves nothing either.
 */
export async function crashDuringErasure(
  point: FaultPoint,
  key: string | undefined,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-erasure-crash-'));
  let api = await ApiProcess.start(dataDir, point);
  try {
    const position = await recordSubject(api);
    const before = remnantsOf(dataDir, SUBJECT);
    expect(before.texts.length).toBeGreaterThanOrEqual(4);
    expect(remnantsFoundIn(dataDir, before)).not.toEqual([]);

    const interrupted = await Promise.allSettled([erase(api, key), api.exited]);
    expect(interrupted[0].status).toBe('rejected');
    expect(interrupted[1]).toEqual({ status: 'fulfilled', value: 'SIGKILL' });

    api = await ApiProcess.start(dataDir);
    if (point !== 'erase.before-append') {
      expect(remnantsFoundIn(dataDir, before)).toEqual([]);
      expect(await personalValuesServed(api, position)).toEqual([]);
    }
    const repeated = await erase(api, key);
    expect(repeated.status).toBe(201);
    expect(repeated.body.events.map(({ type }) => type)).toEqual(expectedEvents(point, key));
    expect(remnantsFoundIn(dataDir, before)).toEqual([]);
    expect(await personalValuesServed(api, repeated.body.position)).toEqual([]);

    await api.kill();
    expect(remnantsFoundIn(dataDir, before, Object.values(PERSONAL))).toEqual([]);
  } finally {
    await api.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// With its key, the retry answers as the interrupted erase would have; without one, an erase of
// an erased contact records nothing. Before the append nothing was stored: the erase happens now.
function expectedEvents(point: FaultPoint, key: string | undefined): string[] {
  if (point === 'erase.before-append' || key !== undefined) return ['ContactPersonalDataErased'];
  return [];
}
