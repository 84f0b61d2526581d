import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../../shared/testing/project-events';
import { PIPELINE_DEALS, pipelineProjection } from '../pipeline-projection';
import type { PipelineReadModel } from '../query-pipeline';

/** Applies `events` to the pipeline projection and answers where its query reads. */
export async function projectPipeline(
  readStore: ReadStore,
  events: readonly RecordedEvent[],
): Promise<PipelineReadModel> {
  const projected = await projectEvents(readStore, pipelineProjection, events);
  return { readStore, deals: projected.collection(PIPELINE_DEALS), position: projected.position };
}
