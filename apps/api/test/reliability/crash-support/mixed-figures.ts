import type { StoredEvent } from './chronicle-client';

export interface CustomerFigures {
  interactions: number;
  orders: number;
  purchaseTotal: number;
  openTickets: number;
  deals: { open: number; won: number; lost: number };
}

export interface MixFigures {
  pipeline: {
    stages: Array<{ stage: string; count: number; amount: number; weightedAmount: number }>;
    won: number;
    lost: number;
    revenue: number;
  };
  sla: {
    tickets: number;
    open: number;
    satisfaction: { responses: number; average: number | null };
  };
  customers: Map<string, CustomerFigures>;
}

interface Deal {
  contactId: string;
  stage: string;
  amount: number;
  probability: number;
  status: 'open' | 'won' | 'lost';
}

/**
 * The figures the views must show, folded here from the stored events alone (not from the
 * projections' code), after docs/views-service-sales.md: open deals by stage, won, lost and
 * revenue; tickets, open ones and satisfaction; and per contact its interactions, orders, open
 * tickets and deals.
 */
export function mixFigures(streams: ReadonlyMap<string, readonly StoredEvent[]>): MixFigures {
  const deals: Deal[] = [];
  const ticketStatus = new Map<string, { contactId: string; open: boolean; score?: number }>();
  const customers = new Map<string, CustomerFigures>();
  const customer = (contactId: string): CustomerFigures => {
    const figures = customers.get(contactId) ?? {
      interactions: 0,
      orders: 0,
      purchaseTotal: 0,
      openTickets: 0,
      deals: { open: 0, won: 0, lost: 0 },
    };
    customers.set(contactId, figures);
    return figures;
  };

  for (const [streamId, events] of streams) {
    if (streamId.startsWith('deal-')) deals.push(foldDeal(events));
    if (streamId.startsWith('ticket-')) ticketStatus.set(streamId, foldTicket(events));
    for (const { type, data } of events) {
      if (type === 'ContactRegistered') customer(String(data.contactId));
      if (type === 'InteractionLogged') customer(String(data.contactId)).interactions += 1;
      if (type === 'PurchaseRecorded') {
        const figures = customer(String(data.contactId));
        figures.orders += 1;
        figures.purchaseTotal += Number(data.total);
      }
    }
  }
  for (const deal of deals) customer(deal.contactId).deals[deal.status] += 1;
  for (const ticket of ticketStatus.values()) {
    if (ticket.open) customer(ticket.contactId).openTickets += 1;
  }

  const open = deals.filter(({ status }) => status === 'open');
  const stages = [...new Set(open.map(({ stage }) => stage))].sort().map((stage) => {
    const inStage = open.filter((deal) => deal.stage === stage);
    return {
      stage,
      count: inStage.length,
      amount: sum(inStage.map(({ amount }) => amount)),
      weightedAmount: sum(inStage.map(({ amount, probability }) => amount * probability)),
    };
  });
  const won = deals.filter(({ status }) => status === 'won');
  const scores = [...ticketStatus.values()].flatMap(({ score }) => (score ? [score] : []));
  return {
    pipeline: {
      stages,
      won: won.length,
      lost: deals.filter(({ status }) => status === 'lost').length,
      revenue: sum(won.map(({ amount }) => amount)),
    },
    sla: {
      tickets: ticketStatus.size,
      open: [...ticketStatus.values()].filter((ticket) => ticket.open).length,
      satisfaction: {
        responses: scores.length,
        average: scores.length ? cents(sum(scores) / scores.length) : null,
      },
    },
    customers,
  };
}

function foldDeal(events: readonly StoredEvent[]): Deal {
  const deal: Deal = { contactId: '', stage: '', amount: 0, probability: 0, status: 'open' };
  for (const { type, data } of events) {
    if (type === 'DealOpened') {
      Object.assign(deal, {
        contactId: String(data.contactId),
        stage: String(data.stage),
        amount: Number(data.amount),
        probability: Number(data.probability ?? 0),
      });
    }
    if (type === 'DealStageAdvanced') {
      deal.stage = String(data.stage);
      if (data.probability !== undefined) deal.probability = Number(data.probability);
    }
    if (type === 'DealWon') Object.assign(deal, { status: 'won', amount: Number(data.amount) });
    if (type === 'DealLost') deal.status = 'lost';
  }
  return deal;
}

function foldTicket(events: readonly StoredEvent[]): {
  contactId: string;
  open: boolean;
  score?: number;
} {
  const ticket: { contactId: string; open: boolean; score?: number } = {
    contactId: '',
    open: true,
  };
  for (const { type, data } of events) {
    if (type === 'TicketOpened') ticket.contactId = String(data.contactId);
    if (type === 'TicketResolved') ticket.open = false;
    if (type === 'TicketReopened') ticket.open = true;
    if (type === 'TicketClosed') {
      ticket.open = false;
      if (typeof data.satisfactionScore === 'number') ticket.score = data.satisfactionScore;
    }
  }
  return ticket;
}

function sum(values: readonly number[]): number {
  return cents(values.reduce((total, value) => total + value, 0));
}

/**
 * Rounded to cents on both sides of a comparison: the views round sums to millionths, and a sum
 * taken in another order differs in the last bits.
 */
export function cents<T extends number | null>(value: T): T {
  return (value === null ? null : Math.round(value * 100) / 100) as T;
}
