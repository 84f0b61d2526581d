import type { ForecastView } from '../session/api-shapes';
import { type ChartBoard, PALETTE } from '../ui/charts';
import { type Child, h } from '../ui/dom';
import { figureList } from '../ui/figures';
import { formatAmount, formatCount } from '../ui/format';
import { type Column, dataTable, numberColumn } from '../ui/table';

export type ForecastMonth = ForecastView['months'][number];

export const forecastColumns: Column<ForecastMonth>[] = [
  { key: 'month', label: 'Month', value: (row) => row.month },
  numberColumn('open.count', 'Open deals closing', (row) => row.open.count, formatCount),
  numberColumn('open.amount', 'Open amount', (row) => row.open.amount, formatAmount),
  numberColumn('open.weightedAmount', 'Weighted', (row) => row.open.weightedAmount, formatAmount),
  numberColumn('won.count', 'Won', (row) => row.won.count, formatCount),
  numberColumn('won.revenue', 'Won revenue', (row) => row.won.revenue, formatAmount),
];

/** The forecast: open deals by the month they are expected to close, beside each month's wins. */
export function forecastSection(forecast: ForecastView, board: ChartBoard): Child[] {
  const months = forecast.months;
  return [
    h('h2', {}, 'Forecast by month'),
    months.length > 0
      ? board.figure('Weighted open amount by expected close month, and won revenue', {
          description: months
            .map((m) => `${m.month}: weighted ${m.open.weightedAmount}, won ${m.won.revenue}`)
            .join('; '),
          labels: months.map((month) => month.month),
          series: [
            {
              label: 'Weighted open',
              values: months.map((m) => m.open.weightedAmount),
              color: PALETTE.teal,
            },
            {
              label: 'Won revenue',
              values: months.map((m) => m.won.revenue),
              color: PALETTE.green,
            },
          ],
        })
      : undefined,
    dataTable(forecastColumns, months, {
      caption: 'Forecast by month',
      rowKey: (row) => row.month,
      empty: 'No open deal with an expected close date, and no win, in this window.',
    }),
    figureList('Open deals without a close date', [
      {
        key: 'noCloseDate.count',
        label: 'Open deals without a close date',
        value: forecast.noCloseDate.count,
        text: formatCount(forecast.noCloseDate.count),
        hint: `amount ${formatAmount(forecast.noCloseDate.amount)}`,
      },
    ]),
  ];
}
