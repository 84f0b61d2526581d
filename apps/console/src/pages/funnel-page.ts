import type { PageContext } from '../shell/page-context';
import type { DataQualityView, FunnelStage, FunnelView } from '../session/api-shapes';
import { PALETTE } from '../ui/charts';
import { h } from '../ui/dom';
import { figureList } from '../ui/figures';
import { formatCount, formatDuration, formatRatio } from '../ui/format';
import { type Column, dataTable, numberColumn, tableCsv } from '../ui/table';
import { dataQualitySection } from './data-quality-section';
import { viewPage } from './view-page';

const STAGE_LABELS: Record<string, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketingqualifiedlead: 'Marketing qualified lead',
  salesqualifiedlead: 'Sales qualified lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
};

const stageLabel = (stage: unknown): string => STAGE_LABELS[String(stage)] ?? String(stage);

const COLUMNS: Column<FunnelStage>[] = [
  { key: 'stage', label: 'Stage', value: (row) => row.stage, format: stageLabel },
  numberColumn('reached', 'Reached', (row) => row.reached, formatCount),
  numberColumn('current', 'In stage now', (row) => row.current, formatCount),
  numberColumn(
    'conversionToNext',
    'Conversion to next',
    (row) => row.conversionToNext,
    formatRatio,
  ),
  numberColumn(
    'medianSecondsInStage',
    'Median time in stage',
    (row) => row.medianSecondsInStage,
    formatDuration,
  ),
];

const QUALITY_PATH = '/views/data-quality';

interface FunnelData extends FunnelView {
  /** Present when the API serves the data-quality view. */
  dataQuality?: DataQualityView;
}

/** `/console/funnel`: the lifecycle funnel of the contacts registered in the window. */
export function funnelPage(context: PageContext): Promise<void> {
  const { capabilities } = context;
  return viewPage<FunnelData>(context, {
    title: 'Lifecycle funnel',
    intro:
      'Contacts registered in the window (business time), by the highest lifecycle stage they ' +
      'reached: skipped stages count as passed. Conversion is reached(next) / reached(stage).',
    apiPath: '/views/lifecycle-funnel',
    fields: [
      { name: 'from', label: 'Registered from', kind: 'date' },
      { name: 'to', label: 'Registered before', kind: 'date' },
      { name: 'campaignId', label: 'First-touch campaign', kind: 'text' },
      { name: 'ownerId', label: 'Owner', kind: 'text' },
      { name: 'source', label: 'Source', kind: 'text' },
    ],
    load: async ({ api }, query) => {
      // Data quality is about every contact now (or at validAt), not about the cohort.
      const qualityQuery =
        query.validAt && capabilities.accepts(QUALITY_PATH, 'validAt')
          ? { validAt: query.validAt }
          : {};
      const [funnel, dataQuality] = await Promise.all([
        api.get<FunnelView>('/views/lifecycle-funnel', query),
        capabilities.has(QUALITY_PATH)
          ? api.get<DataQualityView>(QUALITY_PATH, qualityQuery)
          : undefined,
      ]);
      return { ...funnel, dataQuality };
    },
    render: (funnel, board) => {
      const customers = funnel.stages.find((stage) => stage.stage === 'customer');
      return [
        figureList('Cohort', [
          {
            key: 'total',
            label: 'Contacts in cohort',
            value: funnel.total,
            text: formatCount(funnel.total),
          },
          {
            key: 'customers',
            label: 'Reached customer',
            value: customers?.reached ?? null,
            text: formatCount(customers?.reached),
          },
          {
            key: 'other',
            label: 'Off the ladder',
            value: funnel.other,
            text: formatCount(funnel.other),
            hint: "stage 'other'",
          },
        ]),
        board.figure('Contacts per stage, and conversion to the next', {
          description: funnel.stages
            .map((stage) => `${stageLabel(stage.stage)}: ${stage.reached} reached`)
            .join('; '),
          labels: funnel.stages.map((stage) => stageLabel(stage.stage)),
          series: [
            { label: 'Reached', values: funnel.stages.map((s) => s.reached), color: PALETTE.blue },
            {
              label: 'In stage now',
              values: funnel.stages.map((s) => s.current),
              color: PALETTE.teal,
            },
            {
              label: 'Conversion to next (%)',
              values: funnel.stages.map((s) =>
                s.conversionToNext === null ? null : Math.round(s.conversionToNext * 1000) / 10,
              ),
              color: PALETTE.orange,
              line: true,
              rightAxis: true,
            },
          ],
          rightAxisLabel: 'conversion %',
        }),
        h('h2', {}, 'Stages'),
        dataTable(COLUMNS, funnel.stages, {
          caption: 'Lifecycle stages of the cohort',
          rowKey: (row) => row.stage,
        }),
        ...(funnel.dataQuality ? dataQualitySection(funnel.dataQuality) : []),
      ];
    },
    downloads: (funnel) => [
      { label: 'stages', filename: 'lifecycle-funnel.csv', text: tableCsv(COLUMNS, funnel.stages) },
    ],
  });
}
