import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore } from '@chronicle/event-store';
import { EventStoreDbEventStore } from '@chronicle/event-store/eventstoredb';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { anEvent } from '@chronicle/event-store/testing';
// The EventStoreDB adapter over the stand-in node its own tests use (docs/architecture.md).
import { InMemoryEventStoreDb } from '../../../event-store/src/adapters/eventstoredb/testing/in-memory-esdb';
import { SqliteTreeStore } from '../adapters/embedded/sqlite-tree-store';
import { parseSigningKey } from '../checkpoints/signing-key';
import { MemoryNodes } from '../merkle/memory-nodes';
import { rootAt } from '../merkle/node-source';
import { leafHash } from '../merkle/tree-hashes';
import { verifyLog } from '../verify/verify-log';
import { TreeFollower } from './tree-follower';

const key = parseSigningKey(
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
);

const adapters: Array<[string, (directory: string) => EventStore, boolean]> = [
  ['the embedded store', (directory) => SqliteEventStore.open({ directory }), true],
  [
    'EventStoreDB (stand-in node, positions above 2^53)',
    () =>
      EventStoreDbEventStore.fromClient(
        new InMemoryEventStoreDb({ firstPosition: 2n ** 53n + 5n, systemLinks: true }),
        'esdb://localhost:2113?tls=false',
      ),
    false,
  ],
];

describe.each(adapters)('the tree follower over %s', (_name, openStore, contiguous) => {
  let directory: string;
  let eventStore: EventStore;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-follower-'));
    eventStore = openStore(directory);
  });

  afterEach(async () => {
    await eventStore.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const appendRounds = async (rounds: number) => {
    for (let round = 0; round < rounds; round += 1) {
      await eventStore.append(`deal-${round % 3}`, [anEvent(), anEvent()], 'any');
    }
    return eventStore.headPosition();
  };
  const expectedRoot = async () => {
    const leaves = (await eventStore.readAll()).map((event) =>
      leafHash(event.position, event.hash),
    );
    return rootAt(new MemoryNodes(leaves), leaves.length).toString('hex');
  };

  it('builds the RFC 9162 tree of the log, and resumes from its stored leaves after a restart', async () => {
    let tree = SqliteTreeStore.open(directory);
    let follower = new TreeFollower({ eventStore, store: tree, key, checkpointEvery: 7 });
    await follower.start();
    let head = await appendRounds(10);
    expect(await follower.waitFor(head, 5000)).toBe(true);
    expect(follower.builder.signIfBehind()?.rootHash).toBe(await expectedRoot());
    await follower.stop();
    tree.close();

    head = await appendRounds(5);
    tree = SqliteTreeStore.open(directory);
    follower = new TreeFollower({ eventStore, store: tree, key, checkpointEvery: 7 });
    await follower.start();
    expect(await follower.waitFor(head, 5000)).toBe(true);
    const checkpoint = follower.builder.signIfBehind()!;
    expect(checkpoint).toMatchObject({
      treeSize: 30,
      position: head,
      rootHash: await expectedRoot(),
    });
    const report = await verifyLog({
      log: eventStore,
      tree,
      checkpoint,
      contiguousPositions: contiguous,
    });
    expect(report).toMatchObject({ ok: true, events: 30, head });
    await follower.stop();
    tree.close();
  });
});
