import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparePositions } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { ProjectorRuntime } from './projector-runtime';
import { killAllFixtures, killed, runFixture, waitForLine } from '@chronicle/event-store/testing';
import { SqliteReadStore } from '@chronicle/read-store/embedded';
import { appendEvents, counterProjection } from './testing/test-projections';

const fixture = (name: string): string => join(__dirname, 'testing', `${name}.ts`);

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'chronicle-projector-crash-'));
});
afterEach(async () => {
  await killAllFixtures();
  rmSync(directory, { recursive: true, force: true });
});

describe('ProjectorRuntime: crash while catching up', () => {
  it('after kill -9 and a restart, the read model equals a clean rebuild', async () => {
    const events = join(directory, 'events');
    const readModels = join(directory, 'read-models.sqlite');
    const seeding = SqliteEventStore.open({ directory: events });
    const head = await appendEvents(seeding, { streams: 20, perStream: 200 });
    await seeding.close();

    const projector = runFixture(fixture('project-until-killed'), [events, readModels]);
    await waitForLine(projector, '600');
    await killed(projector);

    const eventStore = SqliteEventStore.open({ directory: events });
    const readStore = SqliteReadStore.open({ path: readModels });
    const runtime = new ProjectorRuntime({ eventStore, readStore, batchSize: 100 });
    runtime.register(counterProjection());
    runtime.register(counterProjection({ name: 'clean' }));
    try {
      await runtime.start();
      const killedAt = (await runtime.status()).projections[0]!.position;
      expect(comparePositions(killedAt, '600')).toBeGreaterThanOrEqual(0);
      expect(comparePositions(killedAt, head)).toBeLessThan(0);
      await runtime.waitForPosition(['counter', 'clean'], head, 20_000);

      for (const logical of ['streams', 'totals']) {
        const recovered = await readStore.find(
          runtime.collection('counter', logical),
          {},
          {
            sort: { _id: 1 },
          },
        );
        const clean = await readStore.find(
          runtime.collection('clean', logical),
          {},
          {
            sort: { _id: 1 },
          },
        );
        expect(recovered).toEqual(clean);
      }
      const totals = await readStore.get(runtime.collection('counter', 'totals'), 'all');
      expect(totals?.count).toBe(4000);
    } finally {
      await runtime.stop();
      await eventStore.close();
      await readStore.close();
    }
  });
});
