import type { PageContext } from '../shell/page-context';
import type { ForecastView, OpenAmounts, PipelineGroup, PipelineView } from '../session/api-shapes';
import { type ChartBoard, PALETTE } from '../ui/charts';
import { type Child, h } from '../ui/dom';
import { figureList } from '../ui/figures';
import { formatAmount, formatCount, formatDecimal, formatRatio } from '../ui/format';
import { type Column, dataTable, numberColumn, tableCsv } from '../ui/table';
import { forecastSection, forecastColumns, type ForecastMonth } from './forecast-section';
import { viewPage } from './view-page';

const API_PATH = '/views/pipeline';
const FORECAST_PATH = '/views/forecast';
/** Groups drawn in the chart; the table lists them all. */
const CHART_GROUPS = 15;

type Stage = PipelineView['stages'][number];

const STAGE_COLUMNS: Column<Stage>[] = [
  { key: 'stage', label: 'Stage', value: (row) => row.stage },
  numberColumn('count', 'Open deals', (row) => row.count, formatCount),
  numberColumn('amount', 'Amount', (row) => row.amount, formatAmount),
  numberColumn('weightedAmount', 'Weighted amount', (row) => row.weightedAmount, formatAmount),
];

const openColumns = <T extends { open: OpenAmounts }>(): Column<T>[] => [
  numberColumn<T>('open.count', 'Open deals', (row) => row.open.count, formatCount),
  numberColumn<T>('open.amount', 'Open amount', (row) => row.open.amount, formatAmount),
  numberColumn<T>('open.weightedAmount', 'Weighted', (r) => r.open.weightedAmount, formatAmount),
];

const GROUP_COLUMNS: Column<PipelineGroup>[] = [
  { key: 'key', label: 'Group', value: (row) => row.key, format: (v) => (v ? String(v) : 'none') },
  ...openColumns<PipelineGroup>(),
  numberColumn('won', 'Won', (row) => row.won, formatCount),
  numberColumn('lost', 'Lost', (row) => row.lost, formatCount),
  numberColumn('winRate', 'Win rate', (row) => row.winRate, formatRatio),
  numberColumn('revenue', 'Revenue', (row) => row.revenue, formatAmount),
  numberColumn('averageDaysToClose', 'Days to close', (r) => r.averageDaysToClose, formatDecimal),
];

interface PipelineData extends PipelineView {
  forecast?: ForecastView;
}

/** `/console/pipeline`: open deals by stage, won and lost, and the forecast when served. */
export function pipelinePage(context: PageContext): Promise<void> {
  const { capabilities } = context;
  const withForecast = capabilities.has(FORECAST_PATH);
  return viewPage<PipelineData>(context, {
    title: 'Sales pipeline',
    intro:
      'Deals opened in the window (business time): open deals by stage with amounts weighted by ' +
      'probability, won and lost deals, win rate = won / (won + lost), revenue = won amounts.',
    apiPath: API_PATH,
    fields: [
      { name: 'from', label: 'Opened from', kind: 'date' },
      { name: 'to', label: 'Opened before', kind: 'date' },
      { name: 'ownerId', label: 'Owner', kind: 'text' },
      { name: 'teamId', label: 'Team', kind: 'text' },
      { name: 'channel', label: 'Channel', kind: 'text' },
      { name: 'product', label: 'Product', kind: 'text' },
      { name: 'groupBy', label: 'Break down by', kind: 'choice', anyLabel: 'nothing' },
    ],
    load: async ({ api }, query) => {
      const forecastQuery = Object.fromEntries(
        Object.entries(query).filter(([name]) => capabilities.accepts(FORECAST_PATH, name)),
      );
      const [pipeline, forecast] = await Promise.all([
        api.get<PipelineView>(API_PATH, query),
        withForecast ? api.get<ForecastView>(FORECAST_PATH, forecastQuery) : undefined,
      ]);
      return { ...pipeline, forecast };
    },
    render: (pipeline, board) => [
      headline(pipeline),
      board.figure('Open deals by stage', {
        description: pipeline.stages
          .map((stage) => `${stage.stage}: ${stage.count} deals, amount ${stage.amount}`)
          .join('; '),
        labels: pipeline.stages.map((stage) => stage.stage),
        series: [
          { label: 'Amount', values: pipeline.stages.map((s) => s.amount), color: PALETTE.blue },
          {
            label: 'Weighted amount',
            values: pipeline.stages.map((s) => s.weightedAmount),
            color: PALETTE.teal,
          },
        ],
      }),
      h('h2', {}, 'Open deals by stage'),
      dataTable(STAGE_COLUMNS, pipeline.stages, {
        caption: 'Open deals by stage',
        rowKey: (row) => row.stage,
        empty: 'No open deal among the deals opened in this window.',
      }),
      ...groupsSection(pipeline.groups, board),
      ...(pipeline.forecast ? forecastSection(pipeline.forecast, board) : []),
    ],
    downloads: (pipeline) => [
      {
        label: 'stages',
        filename: 'pipeline-stages.csv',
        text: tableCsv(STAGE_COLUMNS, pipeline.stages),
      },
      ...(pipeline.groups
        ? [
            {
              label: 'groups',
              filename: 'pipeline-groups.csv',
              text: tableCsv(GROUP_COLUMNS, pipeline.groups),
            },
          ]
        : []),
      ...(pipeline.forecast
        ? [
            {
              label: 'forecast',
              filename: 'forecast.csv',
              text: tableCsv<ForecastMonth>(forecastColumns, pipeline.forecast.months),
            },
          ]
        : []),
    ],
  });
}

function headline(pipeline: PipelineView): HTMLElement {
  const open = pipeline.stages.reduce((sum, stage) => sum + stage.count, 0);
  const currencies = pipeline.currencies ?? [];
  return figureList('Deals', [
    { key: 'open', label: 'Open deals', value: open, text: formatCount(open) },
    {
      key: 'won',
      label: 'Won',
      value: pipeline.won,
      text: formatCount(pipeline.won),
      tone: 'good',
    },
    {
      key: 'lost',
      label: 'Lost',
      value: pipeline.lost,
      text: formatCount(pipeline.lost),
      tone: 'bad',
    },
    {
      key: 'winRate',
      label: 'Win rate',
      value: pipeline.winRate,
      text: formatRatio(pipeline.winRate),
    },
    {
      key: 'revenue',
      label: 'Revenue',
      value: pipeline.revenue,
      text: formatAmount(pipeline.revenue),
      hint: currencies.length > 0 ? currencies.join(', ') : undefined,
    },
    {
      key: 'averageDaysToClose',
      label: 'Average days to close',
      value: pipeline.averageDaysToClose,
      text: formatDecimal(pipeline.averageDaysToClose),
    },
  ]);
}

function groupsSection(groups: PipelineGroup[] | undefined, board: ChartBoard): Child[] {
  if (!groups) return [];
  const charted = groups.slice(0, CHART_GROUPS);
  return [
    h('h2', {}, 'Breakdown'),
    charted.length > 0
      ? board.figure(`Revenue and win rate, top ${charted.length} groups by revenue`, {
          description: charted.map((g) => `${g.key ?? 'none'}: revenue ${g.revenue}`).join('; '),
          labels: charted.map((group) => group.key ?? 'none'),
          series: [
            { label: 'Revenue', values: charted.map((g) => g.revenue), color: PALETTE.green },
            {
              label: 'Win rate (%)',
              values: charted.map((g) =>
                g.winRate === null ? null : Math.round(g.winRate * 1000) / 10,
              ),
              color: PALETTE.orange,
              line: true,
              rightAxis: true,
            },
          ],
          rightAxisLabel: 'win rate %',
        })
      : undefined,
    dataTable(GROUP_COLUMNS, groups, {
      caption: 'Deals by group at opening',
      rowKey: (row) => row.key ?? '',
      empty: 'No deal opened in this window.',
    }),
  ];
}
