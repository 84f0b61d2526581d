import { SqliteReadStore } from '@chronicle/read-store/embedded';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import type { ReadDocument, ReadStore } from '@chronicle/read-store';
import type { Projection } from '../projection';
import { ProjectorRuntime, type ProjectorRuntimeOptions } from '../projector-runtime';

/**
 * A temporary data folder with the real embedded event store and the real embedded read store.
 */
export class RuntimeHarness {
  readonly directory = mkdtempSync(join(tmpdir(), 'chronicle-projections-'));
  readonly eventStore = SqliteEventStore.open({ directory: join(this.directory, 'events') });
  readonly readStore: ReadStore = SqliteReadStore.open({
    path: join(this.directory, 'read-models.sqlite'),
  });
  private readonly runtimes: ProjectorRuntime[] = [];

  static open(): Promise<RuntimeHarness> {
    return Promise.resolve(new RuntimeHarness());
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
      checkChangesArePut: true,
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
