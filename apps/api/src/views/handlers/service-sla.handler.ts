import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  ProjectorRuntime,
  queryServiceSla,
  queryServiceSlaAsOf,
  serviceSlaProjection,
  SLA_TICKETS,
  type ServiceSlaView,
  type SlaReadModel,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { ServiceSlaQuery } from '../view-queries';
import { viewWindow } from '../view-query';
import { type ViewClock, VIEWS_CLOCK } from '../views-clock';
import { readPosition } from './read-position';

/** Waits for `minPosition` if asked, then names where the service-sla projection serves reads. */
export async function slaReadModel(
  runtime: ProjectorRuntime,
  readStore: ReadStore,
  minPosition: string | undefined,
): Promise<SlaReadModel> {
  const name = serviceSlaProjection.name;
  const position = await readPosition(runtime, name, minPosition);
  return { readStore, tickets: runtime.collection(name, SLA_TICKETS), position };
}

/** `GET /views/service-sla` on the QueryBus. */
export class ServiceSlaRead extends Query<ServiceSlaView> {
  constructor(readonly query: ServiceSlaQuery) {
    super();
  }
}

@QueryHandler(ServiceSlaRead)
export class ServiceSlaHandler implements IQueryHandler<ServiceSlaRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  async execute({ query }: ServiceSlaRead): Promise<ServiceSlaView> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { priority, teamId, agentId } = query;
    const filters = { from, to, priority, teamId, agentId };
    const model = await slaReadModel(this.runtime, this.readStore, minPosition);
    // With validAt, team and agent are those in charge then, and every status is judged then.
    return validAt === undefined
      ? queryServiceSla(model, filters, this.now())
      : queryServiceSlaAsOf(model, filters, validAt);
  }
}
