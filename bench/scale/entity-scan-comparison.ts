import type { ReadStore } from '../../libs/read-store/src';
import {
  FUNNEL_CONTACTS,
  lifecycleFunnelProjection,
  PIPELINE_DEALS,
  pipelineProjection,
  type ProjectorRuntime,
  queryLifecycleFunnel,
  queryPipeline,
  queryPipelineByDeals,
  queryServiceSla,
  queryServiceSlaByTickets,
  serviceSlaProjection,
  SLA_TICKETS,
} from '../../libs/projections/src';
import { queryLifecycleFunnelByContacts } from '../../libs/projections/src/funnel/query-funnel';

/** One whole-history cohort read both ways, in milliseconds (median of the repeats). */
export interface ScanComparison {
  view: string;
  summariesMs: number;
  entitiesMs: number;
}

const REPEATS = 5;

/**
 * Times each cohort view over the whole history in-process, from the day summaries (what the
 * views answer from) and from the entities alone (the design before them, kept as the reference
 * the summaries are tested against): the same run's figure for what the summaries save.
 */
export async function compareWithEntityScan(
  runtime: ProjectorRuntime,
  readStore: ReadStore,
): Promise<ScanComparison[]> {
  const position = '0';
  const now = new Date();
  const contacts = runtime.collection(lifecycleFunnelProjection.name, FUNNEL_CONTACTS);
  const sla = {
    readStore,
    position,
    tickets: runtime.collection(serviceSlaProjection.name, SLA_TICKETS),
  };
  const deals = {
    readStore,
    position,
    deals: runtime.collection(pipelineProjection.name, PIPELINE_DEALS),
  };
  return [
    {
      view: 'lifecycle-funnel',
      summariesMs: await medianMs(() => queryLifecycleFunnel(readStore, contacts, {}, position)),
      entitiesMs: await medianMs(() =>
        queryLifecycleFunnelByContacts(readStore, contacts, {}, position),
      ),
    },
    {
      view: 'service-sla',
      summariesMs: await medianMs(() => queryServiceSla(sla, {}, now)),
      entitiesMs: await medianMs(() => queryServiceSlaByTickets(sla, {}, now)),
    },
    {
      view: 'pipeline',
      summariesMs: await medianMs(() => queryPipeline(deals, {})),
      entitiesMs: await medianMs(() => queryPipelineByDeals(deals, {})),
    },
  ];
}

async function medianMs(query: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await query();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}
