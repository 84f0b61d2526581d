import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../../shared/testing/project-events';
import type { SlaReadModel } from '../query-service-sla';
import { serviceSlaProjection, SLA_TICKETS } from '../service-sla-projection';

/** Applies `events` to the service-sla projection and answers where its queries read. */
export async function projectSla(
  readStore: ReadStore,
  events: readonly RecordedEvent[],
): Promise<SlaReadModel> {
  const projected = await projectEvents(readStore, serviceSlaProjection, events);
  return {
    readStore,
    tickets: projected.collection(SLA_TICKETS),
    position: projected.position,
  };
}
