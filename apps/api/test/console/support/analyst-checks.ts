import type { Page } from 'puppeteer-core';
import { expectShown, type FigureKind, shownFigures, shownTable } from './page-reading';

// The API's answers as the checks read them (docs/views-*.md); the pages must show these numbers.
export interface FunnelAnswer {
  total: number;
  other: number;
  stages: Array<{
    stage: string;
    current: number;
    reached: number;
    conversionToNext: number | null;
    medianSecondsInStage: number | null;
  }>;
}

interface SlaTarget {
  met: number;
  breached: number;
  pending: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface SlaAnswer {
  tickets: number;
  open: number;
  firstResponse: SlaTarget;
  resolution: SlaTarget;
  byPriority: Array<{
    priority: string;
    tickets: number;
    firstResponse: SlaTarget;
    resolution: SlaTarget;
  }>;
}

export interface PipelineAnswer {
  stages: Array<{ stage: string; count: number; amount: number; weightedAmount: number }>;
  won: number;
  lost: number;
  winRate: number | null;
  revenue: number;
  averageDaysToClose: number | null;
  groups?: Array<{
    key: string | null;
    won: number;
    lost: number;
    winRate: number | null;
    revenue: number;
  }>;
}

export interface CampaignsAnswer {
  campaigns: Array<Record<string, number | string | null> & { campaignId: string }>;
}

type Cells = Record<string, { text: string; value: string }>;

function expectRow(
  cells: Cells | undefined,
  expected: Record<string, unknown>,
  kinds: Record<string, FigureKind>,
): void {
  if (!cells) throw new Error('row not shown');
  for (const [column, kind] of Object.entries(kinds))
    expectShown(cells[column], (expected[column] as number | null | undefined) ?? null, kind);
}

export async function expectFunnelShown(page: Page, funnel: FunnelAnswer): Promise<void> {
  const figures = await shownFigures(page);
  expectShown(figures.total, funnel.total, 'count');
  expectShown(figures.other, funnel.other, 'count');
  const rows = await shownTable(page, 'Lifecycle stages of the cohort');
  expect([...rows.keys()]).toEqual(funnel.stages.map((stage) => stage.stage));
  for (const stage of funnel.stages) {
    expectRow(rows.get(stage.stage), stage, {
      reached: 'count',
      current: 'count',
      conversionToNext: 'ratio',
      medianSecondsInStage: 'duration',
    });
  }
}

const TARGET_KINDS: Array<[keyof SlaTarget, FigureKind]> = [
  ['met', 'count'],
  ['breached', 'count'],
  ['pending', 'count'],
  ['medianSeconds', 'duration'],
  ['p90Seconds', 'duration'],
];

export async function expectSlaShown(page: Page, sla: SlaAnswer): Promise<void> {
  const figures = await shownFigures(page);
  expectShown(figures.tickets, sla.tickets, 'count');
  expectShown(figures.open, sla.open, 'count');
  for (const target of ['firstResponse', 'resolution'] as const) {
    for (const [name, kind] of TARGET_KINDS) {
      expectShown(figures[`${target}.${name}`], sla[target][name], kind);
    }
  }
  const rows = await shownTable(page, 'SLA by priority at opening');
  expect([...rows.keys()]).toEqual(sla.byPriority.map((group) => group.priority));
  for (const group of sla.byPriority) {
    const cells = rows.get(group.priority);
    expectShown(cells?.tickets, group.tickets, 'count');
    for (const target of ['firstResponse', 'resolution'] as const) {
      for (const [name, kind] of TARGET_KINDS) {
        expectShown(cells?.[`${target}.${name}`], group[target][name], kind);
      }
    }
  }
}

export async function expectPipelineShown(page: Page, pipeline: PipelineAnswer): Promise<void> {
  const figures = await shownFigures(page);
  expectShown(figures.won, pipeline.won, 'count');
  expectShown(figures.lost, pipeline.lost, 'count');
  expectShown(figures.winRate, pipeline.winRate, 'ratio');
  expectShown(figures.revenue, pipeline.revenue, 'amount');
  expectShown(figures.averageDaysToClose, pipeline.averageDaysToClose, 'decimal');
  const stages = await shownTable(page, 'Open deals by stage');
  expect([...stages.keys()]).toEqual(pipeline.stages.map((stage) => stage.stage));
  for (const stage of pipeline.stages) {
    expectRow(stages.get(stage.stage), stage, {
      count: 'count',
      amount: 'amount',
      weightedAmount: 'amount',
    });
  }
  if (!pipeline.groups) return;
  const groups = await shownTable(page, 'Deals by group at opening');
  expect([...groups.keys()]).toEqual(pipeline.groups.map((group) => group.key ?? ''));
  for (const group of pipeline.groups) {
    expectRow(groups.get(group.key ?? ''), group, {
      won: 'count',
      lost: 'count',
      winRate: 'ratio',
      revenue: 'amount',
    });
  }
}

const CAMPAIGN_KINDS: Record<string, FigureKind> = {
  budget: 'amount',
  reached: 'count',
  leads: 'amount',
  customers: 'amount',
  revenue: 'amount',
  conversionRate: 'ratio',
  costPerAcquisition: 'amount',
  roi: 'ratio',
};

export async function expectCampaignsShown(page: Page, answer: CampaignsAnswer): Promise<void> {
  const rows = await shownTable(page, 'Campaigns, first touch attribution');
  expect([...rows.keys()]).toEqual(answer.campaigns.map((campaign) => campaign.campaignId));
  for (const campaign of answer.campaigns) {
    const numbers = Object.fromEntries(
      Object.keys(CAMPAIGN_KINDS).map((key) => [key, campaign[key] as number | null]),
    );
    expectRow(rows.get(campaign.campaignId), numbers, CAMPAIGN_KINDS);
  }
}

export interface DataQualityAnswer {
  contacts: number;
  missing: Record<'name' | 'email' | 'phone' | 'owner', number>;
  duplicatesSuspected: { open: number; contacts: number };
  stale: number;
  erased: number;
  merged: number;
}

export async function expectDataQualityShown(
  page: Page,
  quality: DataQualityAnswer,
): Promise<void> {
  const figures = await shownFigures(page);
  const expected: Record<string, number> = {
    contacts: quality.contacts,
    'missing.name': quality.missing.name,
    'missing.email': quality.missing.email,
    'missing.phone': quality.missing.phone,
    'missing.owner': quality.missing.owner,
    'duplicatesSuspected.open': quality.duplicatesSuspected.open,
    stale: quality.stale,
    erased: quality.erased,
    merged: quality.merged,
  };
  for (const [key, value] of Object.entries(expected)) {
    expectShown(figures[`dataQuality.${key}`], value, 'count');
  }
}

export interface ChannelsAnswer {
  channels: Array<Record<string, number | string | null> & { channel: string | null }>;
}

export async function expectChannelsShown(page: Page, answer: ChannelsAnswer): Promise<void> {
  const rows = await shownTable(page, 'Campaigns by channel');
  expect([...rows.keys()]).toEqual(answer.channels.map((channel) => channel.channel ?? ''));
  for (const channel of answer.channels) {
    expectRow(rows.get(channel.channel ?? ''), channel, {
      campaigns: 'count',
      budget: 'amount',
      reached: 'count',
      customers: 'amount',
      revenue: 'amount',
      conversionRate: 'ratio',
      roi: 'ratio',
    });
  }
}
