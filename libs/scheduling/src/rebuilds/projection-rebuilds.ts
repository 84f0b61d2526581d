import type { ProjectorRuntime } from '@chronicle/projections';

/** Nest injection token for {@link ProjectionRebuilds}. */
export const PROJECTION_REBUILDS = Symbol('PROJECTION_REBUILDS');

/** What `POST /admin/projections/:name/rebuild` calls: start a rebuild, answer its job id. */
export interface ProjectionRebuilds {
  request(projection: string): Promise<{ jobId: string }>;
  close(): Promise<void>;
}

/** The parts of the runtime a rebuild job uses. */
export type RebuildRuntime = Pick<
  ProjectorRuntime,
  'projectionNames' | 'rebuild' | 'status' | 'waitForRebuild'
>;

/** Embedded mode: the runtime's own in-process rebuild; its job id is the runtime's. */
export class InProcessProjectionRebuilds implements ProjectionRebuilds {
  constructor(private readonly runtime: RebuildRuntime) {}

  request(projection: string): Promise<{ jobId: string }> {
    return this.runtime.rebuild(projection);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
