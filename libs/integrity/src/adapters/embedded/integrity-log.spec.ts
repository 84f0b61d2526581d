import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chainHash, type EventStore } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { anEvent } from '@chronicle/event-store/testing';
import { checkpointSignatureHolds } from '../../checkpoints/checkpoint';
import { parseSigningKey } from '../../checkpoints/signing-key';
import { IntegrityLog } from '../../integrity-log';
import { verifyConsistency, verifyInclusion } from '../../merkle/verify-proofs';
import { SqliteTreeStore } from './sqlite-tree-store';

const key = parseSigningKey(
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
);

describe('the integrity log over the embedded store', () => {
  let directory: string;
  let eventStore: EventStore;
  let tree: SqliteTreeStore;
  let integrity: IntegrityLog;

  const open = async () => {
    eventStore = SqliteEventStore.open({ directory });
    tree = SqliteTreeStore.open(directory);
    integrity = new IntegrityLog({
      eventStore,
      store: tree,
      key,
      contiguousPositions: true,
      checkpointEvery: 10,
    });
    await integrity.start();
  };
  const close = async () => {
    await integrity.stop();
    tree.close();
    await eventStore.close();
  };
  const edit = (sql: string, ...params: unknown[]) => {
    const db = new Database(join(directory, 'events.sqlite'));
    db.prepare(sql).run(...params);
    db.close();
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-integrity-'));
    await open();
    for (let round = 0; round < 8; round += 1) {
      for (const stream of ['contact-A', 'campaign-B', 'sla-policies']) {
        await eventStore.append(stream, [anEvent('Happened', { round })], 'any');
      }
    }
  });

  afterEach(async () => {
    await close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('signs checkpoints every ten leaves and proves any event in them', async () => {
    const checkpoint = await integrity.latestCheckpoint('24');
    expect(checkpoint).toMatchObject({ treeSize: 24, position: '24' });
    expect(checkpointSignatureHolds(checkpoint)).toBe(true);

    const proof = await integrity.inclusionProof('7');
    const root = Buffer.from(proof.rootHash, 'hex');
    expect(proof.rootHash).toBe(checkpoint.rootHash);
    expect(
      verifyInclusion(
        Buffer.from(proof.leafHash, 'hex'),
        6,
        24,
        proof.path.map((p) => Buffer.from(p, 'hex')),
        root,
      ),
    ).toBe(true);

    const consistency = integrity.consistencyProof(10, 24);
    expect(
      verifyConsistency(
        10,
        24,
        consistency.path.map((p) => Buffer.from(p, 'hex')),
        Buffer.from(consistency.fromRoot, 'hex'),
        root,
      ),
    ).toBe(true);
    expect(await integrity.verify()).toMatchObject({
      ok: true,
      events: 24,
      head: '24',
      problems: [],
    });
  });

  it('reports no problem for events appended while it checks', async () => {
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index += 1) {
        await eventStore.append(`deal-${index % 5}`, [anEvent()], 'any');
      }
    })();
    const reports = [];
    for (let run = 0; run < 20; run += 1) {
      reports.push(await integrity.verify());
      await integrity.latestCheckpoint(await eventStore.headPosition());
    }
    writing = false;
    await writer;

    expect(reports.filter((report) => !report.ok)).toEqual([]);
  });

  it('finds a stream tail re-hashed on disk, which the chain alone cannot', async () => {
    await integrity.latestCheckpoint('24');
    // The last event of campaign-B (position 23) rewritten with a hash that follows its chain.
    const [previous, last] = (await eventStore.readStream('campaign-B')).slice(-2);
    const changed = { ...last!, data: { round: 99 } };
    await close();
    edit(
      'UPDATE events SET data = ?, hash = ? WHERE position = 23',
      JSON.stringify(changed.data),
      chainHash(previous!.hash, changed),
    );
    await open();

    const report = await integrity.verify();
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({
      kind: 'edited',
      streamId: 'campaign-B',
      revision: 7,
      position: '23',
    });
    expect((await integrity.verifyStream('campaign-B')).problems[0]).toMatchObject({
      kind: 'edited',
      revision: 7,
    });
    expect(integrity.status()).toMatchObject({ status: 'failed', following: false });
  });

  it('names a deleted stream tail and a truncated log', async () => {
    await integrity.latestCheckpoint('24');
    await close();
    edit('DELETE FROM events WHERE position IN (22, 24)');
    await open();

    const report = await integrity.verify();
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'truncated',
        streamId: 'contact-A',
        revision: 7,
        position: '22',
      }),
      expect.objectContaining({
        kind: 'truncated',
        streamId: 'sla-policies',
        revision: 7,
        position: '24',
      }),
      expect.objectContaining({ kind: 'truncated', position: '24' }),
    ]);
    expect((await integrity.verifyStream('sla-policies')).problems).toEqual([
      expect.objectContaining({ kind: 'truncated', revision: 7, position: '24' }),
    ]);
  });
});
