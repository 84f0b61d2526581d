import { SeededRandom } from '../../apps/api/test/reliability/crash-support/seeded-random';
import { syntheticContactChain } from './synthetic-contact';
import {
  AGENTS,
  DEAL_CHANNELS,
  OWNERS,
  PRODUCTS,
  SOURCES,
  syntheticCampaigns,
  TEAMS,
  WINDOW_END_MS,
  WINDOW_START_MS,
} from './synthetic-world';

/** One measured row of the views benchmark: a view and a way of asking it. */
export interface ViewCase {
  view: string;
  variant: string;
  /** A fresh path (with query) per call, so a case is asked with varied parameters. */
  nextPath: () => string;
}

const DAY_MS = 86_400_000;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/**
 * The request mix: every view (docs/views-*.md), each asked the ways an analyst would (whole
 * history,
 * a month, a quarter, one owner or team…), with parameters drawn from the synthetic world.
 */
export function viewCases(contacts: number, seed = 7): ViewCase[] {
  const random = new SeededRandom(seed);
  const campaigns = syntheticCampaigns().map((c) => c.campaignId);
  const contactId = (): string => `syn-${random.int(0, contacts - 1)}`;
  const ticketIds = sampleTicketIds(contacts, random);
  const window = (days: number): string => {
    const startMs =
      WINDOW_START_MS + random.next() * (WINDOW_END_MS - WINDOW_START_MS - days * DAY_MS);
    // Whole-day bounds, as a dashboard sends them, and sometimes an arbitrary instant.
    const from = random.chance(0.8) ? Math.floor(startMs / DAY_MS) * DAY_MS : Math.round(startMs);
    return `from=${iso(from)}&to=${iso(from + days * DAY_MS)}`;
  };
  const path = (base: string, query: () => string) => () => `${base}?${query()}`;
  // A business moment inside the synthetic history: the `validAt` of the as-of cases.
  const moment = (): string =>
    `validAt=${iso(WINDOW_START_MS + random.next() * (WINDOW_END_MS - WINDOW_START_MS))}`;
  return [
    { view: 'GET /health (baseline)', variant: '-', nextPath: () => '/health' },
    {
      view: 'customers/{id}',
      variant: 'random contact',
      nextPath: () => `/views/customers/${contactId()}`,
    },
    {
      view: 'tickets/{id}',
      variant: 'random ticket',
      nextPath: () => `/views/tickets/${random.pick(ticketIds)}`,
    },
    {
      view: 'campaigns/{id}',
      variant: 'random campaign',
      nextPath: () => `/views/campaigns/${random.pick(campaigns)}`,
    },
    { view: 'campaigns', variant: 'all', nextPath: () => '/views/campaigns' },
    {
      view: 'campaigns',
      variant: 'a quarter',
      nextPath: path('/views/campaigns', () => window(91)),
    },
    { view: 'lifecycle-funnel', variant: 'all time', nextPath: () => '/views/lifecycle-funnel' },
    {
      view: 'lifecycle-funnel',
      variant: 'a year',
      nextPath: path('/views/lifecycle-funnel', () => window(365)),
    },
    {
      view: 'lifecycle-funnel',
      variant: 'a month',
      nextPath: path('/views/lifecycle-funnel', () => window(30)),
    },
    {
      view: 'lifecycle-funnel',
      variant: 'campaign',
      nextPath: path('/views/lifecycle-funnel', () => `campaignId=${random.pick(campaigns)}`),
    },
    {
      view: 'lifecycle-funnel',
      variant: 'owner, all time',
      nextPath: path('/views/lifecycle-funnel', () => `ownerId=${random.pick(OWNERS)}`),
    },
    {
      view: 'lifecycle-funnel',
      variant: 'source, a year',
      nextPath: path(
        '/views/lifecycle-funnel',
        () => `source=${random.pick(SOURCES)}&${window(365)}`,
      ),
    },
    {
      view: 'lifecycle-funnel',
      variant: 'owner + source',
      nextPath: path(
        '/views/lifecycle-funnel',
        () => `ownerId=${random.pick(OWNERS)}&source=${random.pick(SOURCES)}`,
      ),
    },
    { view: 'service-sla', variant: 'all time', nextPath: () => '/views/service-sla' },
    {
      view: 'service-sla',
      variant: 'a year',
      nextPath: path('/views/service-sla', () => window(365)),
    },
    {
      view: 'service-sla',
      variant: 'a month',
      nextPath: path('/views/service-sla', () => window(30)),
    },
    {
      view: 'service-sla',
      variant: 'priority',
      nextPath: path('/views/service-sla', () => `priority=${random.pick(PRIORITIES)}`),
    },
    {
      view: 'service-sla',
      variant: 'team, a quarter',
      nextPath: path('/views/service-sla', () => `teamId=${random.pick(TEAMS)}&${window(91)}`),
    },
    {
      view: 'service-sla',
      variant: 'agent',
      nextPath: path('/views/service-sla', () => `agentId=${random.pick(AGENTS)}`),
    },
    { view: 'pipeline', variant: 'all time', nextPath: () => '/views/pipeline' },
    { view: 'pipeline', variant: 'a year', nextPath: path('/views/pipeline', () => window(365)) },
    { view: 'pipeline', variant: 'a month', nextPath: path('/views/pipeline', () => window(30)) },
    {
      view: 'pipeline',
      variant: 'owner',
      nextPath: path('/views/pipeline', () => `ownerId=${random.pick(OWNERS)}`),
    },
    {
      view: 'pipeline',
      variant: 'team + channel',
      nextPath: path(
        '/views/pipeline',
        () => `teamId=${random.pick(TEAMS)}&channel=${random.pick(DEAL_CHANNELS)}`,
      ),
    },
    {
      view: 'pipeline',
      variant: 'product, a quarter',
      nextPath: path(
        '/views/pipeline',
        () => `product=${encodeURIComponent(random.pick(PRODUCTS))}&${window(91)}`,
      ),
    },
    {
      view: 'pipeline',
      variant: 'by owner, all time',
      nextPath: () => '/views/pipeline?groupBy=owner',
    },
    {
      view: 'pipeline',
      variant: 'by product, a year',
      nextPath: path('/views/pipeline', () => `groupBy=product&${window(365)}`),
    },
    {
      view: 'pipeline',
      variant: 'by team, a month',
      nextPath: path('/views/pipeline', () => `groupBy=team&${window(30)}`),
    },
    {
      view: 'pipeline',
      variant: 'a channel by owner',
      nextPath: path(
        '/views/pipeline',
        () => `groupBy=owner&channel=${random.pick(DEAL_CHANNELS)}`,
      ),
    },
    { view: 'forecast', variant: 'all time', nextPath: () => '/views/forecast' },
    {
      view: 'forecast',
      variant: 'owner',
      nextPath: path('/views/forecast', () => `ownerId=${random.pick(OWNERS)}`),
    },
    {
      view: 'forecast',
      variant: 'team, a year',
      nextPath: path('/views/forecast', () => `teamId=${random.pick(TEAMS)}&${window(365)}`),
    },
    {
      view: 'campaigns',
      variant: 'by channel',
      nextPath: () => '/views/campaigns?groupBy=channel',
    },
    {
      view: 'campaigns',
      variant: 'by channel, a quarter',
      nextPath: path('/views/campaigns', () => `groupBy=channel&${window(91)}`),
    },
    { view: 'data-quality', variant: 'a year', nextPath: () => '/views/data-quality' },
    {
      view: 'data-quality',
      variant: 'random staleDays',
      nextPath: path('/views/data-quality', () => `staleDays=${random.int(1, 700)}`),
    },
    ...attributionCases(random, campaigns),
    ...asOfCases(path, moment, window, contactId, () => random.pick(ticketIds)),
  ];
}

/** The campaign views under each attribution model but v1's first touch (recounted per query). */
function attributionCases(random: SeededRandom, campaigns: string[]): ViewCase[] {
  const models = ['last_touch', 'linear', 'u_shaped', 'time_decay'];
  return [
    ...models.map((model) => ({
      view: 'campaigns',
      variant: `all, ${model}`,
      nextPath: () => `/views/campaigns?model=${model}`,
    })),
    {
      view: 'campaigns/{id}',
      variant: 'random campaign, linear',
      nextPath: () => `/views/campaigns/${random.pick(campaigns)}?model=linear`,
    },
    {
      view: 'campaigns',
      variant: 'by channel, u_shaped',
      nextPath: () => '/views/campaigns?groupBy=channel&model=u_shaped',
    },
  ];
}

/** Every view and entity view as of a random business moment (`validAt`). */
function asOfCases(
  path: (base: string, query: () => string) => () => string,
  moment: () => string,
  window: (days: number) => string,
  contactId: () => string,
  ticketId: () => string,
): ViewCase[] {
  const asOf = (view: string, variant: string, query: () => string = () => ''): ViewCase => ({
    view,
    variant: `validAt, ${variant}`,
    nextPath: path(`/views/${view}`, () => [moment(), query()].filter(Boolean).join('&')),
  });
  return [
    asOf('lifecycle-funnel', 'all time'),
    asOf('lifecycle-funnel', 'a month', () => window(30)),
    asOf('campaigns', 'all'),
    asOf('campaigns', 'all, linear', () => 'model=linear'),
    asOf('service-sla', 'all time'),
    asOf('service-sla', 'a month', () => window(30)),
    asOf('pipeline', 'all time'),
    asOf('pipeline', 'by owner', () => 'groupBy=owner'),
    asOf('forecast', 'all time'),
    asOf('data-quality', 'default staleDays'),
    {
      view: 'customers/{id}',
      variant: 'validAt, end of history, random contact',
      // The end of the history: every synthetic contact is registered by then (no 404s).
      nextPath: () => `/views/customers/${contactId()}?validAt=${iso(WINDOW_END_MS)}`,
    },
    {
      view: 'tickets/{id}',
      variant: 'validAt, end of history, random ticket',
      nextPath: () => `/views/tickets/${ticketId()}?validAt=${iso(WINDOW_END_MS)}`,
    },
  ];
}

/** Ticket ids as the generator made them, from a sample of contacts. */
function sampleTicketIds(contacts: number, random: SeededRandom): string[] {
  const campaigns = syntheticCampaigns();
  const ids: string[] = [];
  for (let attempt = 0; attempt < 2_000 && ids.length < 200; attempt++) {
    const chain = syntheticContactChain(random.int(0, contacts - 1), campaigns);
    for (const command of chain.commands) {
      if (command.type === 'OpenTicket') ids.push(String(command.payload.ticketId));
    }
  }
  return ids;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
