import { readCaughtUpView } from '../../support/admin-client';
import { TOKENS } from './chronicle-client';
import { cents, type CustomerFigures, type MixFigures } from './mixed-figures';
import { MIX_OWNER, MIX_TEAM, mixIds } from './mixed-world';

interface PipelineView {
  stages: Array<{ stage: string; count: number; amount: number; weightedAmount: number }>;
  won: number;
  lost: number;
  revenue: number;
}

interface SlaView {
  tickets: number;
  open: number;
  satisfaction: { responses: number; average: number | null };
}

interface CustomerView {
  interactions: { total: number };
  purchases: { orders: number; total: number };
  openTickets: number;
  deals: { open: number; won: number; lost: number };
}

/**
 * The figures of `mixFigures` as the views show them once they include `head`: the pipeline of
 * the race's owner, the SLA of its team, and every contact's customer 360.
 */
export async function viewedMixFigures(
  baseUrl: string,
  head: string,
  size: number,
): Promise<MixFigures> {
  const read = (path: string): Promise<unknown> =>
    readCaughtUpView(baseUrl, path, head, TOKENS.analyst);
  const pipeline = (await read(`/views/pipeline?ownerId=${MIX_OWNER}`)) as PipelineView;
  const sla = (await read(`/views/service-sla?teamId=${MIX_TEAM}`)) as SlaView;
  const customers = new Map<string, CustomerFigures>();
  for (let n = 0; n < size; n += 1) {
    const { contactId } = mixIds(n);
    const view = (await read(`/views/customers/${contactId}`)) as CustomerView;
    customers.set(contactId, {
      interactions: view.interactions.total,
      orders: view.purchases.orders,
      purchaseTotal: cents(view.purchases.total),
      openTickets: view.openTickets,
      deals: view.deals,
    });
  }
  return {
    pipeline: {
      stages: pipeline.stages.map(({ stage, count, amount, weightedAmount }) => ({
        stage,
        count,
        amount: cents(amount),
        weightedAmount: cents(weightedAmount),
      })),
      won: pipeline.won,
      lost: pipeline.lost,
      revenue: cents(pipeline.revenue),
    },
    sla: {
      tickets: sla.tickets,
      open: sla.open,
      satisfaction: {
        responses: sla.satisfaction.responses,
        average: cents(sla.satisfaction.average),
      },
    },
    customers,
  };
}
