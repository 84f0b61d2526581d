import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@chronicle/event-store';
import type { ReadDocument, ReadStore } from '@chronicle/read-store';
import type { Projection } from '../projection';
import { ProjectorRuntime, type ProjectorRuntimeOptions } from '../projector-runtime';
import { embeddedReadStore } from './embedded-read-store';
import { InMemoryReadStore } from './in-memory-read-store';

/**
 * A temporary data folder with the real embedded event store and the embedded read store (an
 * in-memory one while that adapter is not exported yet).
 */
export class RuntimeHarness {
  readonly directory = mkdtempSync(join(tmpdir(), 'chronicle-projections-'));
  readonly eventStore = SqliteEventStore.open({ directory: join(this.directory, 'events') });
  readStore: ReadStore = new InMemoryReadStore();
  private readonly runtimes: ProjectorRuntime[] = [];

  static async open(): Promise<RuntimeHarness> {
    const harness = new RuntimeHarness();
    const path = join(harness.directory, 'read-models.sqlite');
    if (embeddedReadStore) harness.readStore = await embeddedReadStore.open({ path });
    return harness;
  }

  /** A runtime over the harness's stores; `dispose` stops it. */
  runtime(
    projections: Projection[],
    options: Partial<ProjectorRuntimeOptions> = {},
  ): ProjectorRuntime {
    const runtime = new ProjectorRuntime({
      eventStore: this.eventStore,
      readStore: this.readStore,
      batchSize: 50,
      retiredGenerationGraceMs: 0,
      ...options,
    });
    for (const projection of projections) runtime.register(projection);
    this.runtimes.push(runtime);
    return runtime;
  }

  /** Every document of a projection's logical collection as it serves now, by id. */
  async documents(runtime: ProjectorRuntime, projection: string, logical: string) {
    const documents = await this.readStore.find(
      runtime.collection(projection, logical),
      {},
      {
        sort: { _id: 1 },
      },
    );
    return documents;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.runtimes.map((runtime) => runtime.stop()));
    await this.eventStore.close();
    await this.readStore.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

export type { ReadDocument };
