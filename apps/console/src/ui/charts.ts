import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { h } from './dom';

// Only the parts of Chart.js the pages draw, so the bundle carries nothing else.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);
// Figures must be final the moment the page says it is ready, and identical in screenshots.
Chart.defaults.animation = false;
Chart.defaults.color = '#1f2937';
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Colours with at least 3:1 contrast on white, told apart by more than hue where it matters. */
export const PALETTE = {
  blue: '#2b5fad',
  teal: '#16756d',
  orange: '#b35300',
  red: '#b3261e',
  green: '#2e7d32',
  grey: '#5f6673',
  purple: '#6a4c93',
} as const;

export interface Series {
  label: string;
  values: ReadonlyArray<number | null>;
  color: string;
  /** Bars with the same stack name are stacked. */
  stack?: string;
  line?: boolean;
  /** Plotted against a second axis on the right (e.g. a rate beside counts). */
  rightAxis?: boolean;
}

export interface ChartSpec {
  /** Read out by screen readers in place of the drawing; the table beside it has the figures. */
  description: string;
  labels: readonly string[];
  series: readonly Series[];
  horizontal?: boolean;
  rightAxisLabel?: string;
}

/** Charts drawn by a page, destroyed when its results are drawn again. */
export class ChartBoard {
  private readonly charts: Chart[] = [];

  figure(title: string, spec: ChartSpec): HTMLElement {
    const canvas = h('canvas', { role: 'img', 'aria-label': spec.description });
    const box = h('div', { class: 'chart-box' }, canvas);
    this.charts.push(new Chart(canvas, configuration(spec)));
    return h('figure', { class: 'chart' }, h('figcaption', {}, title), box);
  }

  destroyAll(): void {
    for (const chart of this.charts.splice(0)) chart.destroy();
  }
}

function configuration(spec: ChartSpec) {
  const datasets = spec.series.map(
    (series): ChartDataset<'bar' | 'line', Array<number | null>> => ({
      type: series.line ? 'line' : 'bar',
      label: series.label,
      data: [...series.values],
      backgroundColor: series.color,
      borderColor: series.color,
      stack: series.stack,
      yAxisID: series.rightAxis ? 'right' : undefined,
      // A rate per category is a set of points, not a trend between categories.
      showLine: series.line ? false : undefined,
      pointRadius: series.line ? 5 : undefined,
      maxBarThickness: 72,
    }),
  );
  const stacked = spec.series.some((series) => series.stack !== undefined);
  const valueAxis = spec.horizontal ? 'x' : 'y';
  return {
    type: 'bar' as const,
    data: { labels: [...spec.labels], datasets },
    options: {
      indexAxis: valueAxis === 'x' ? ('y' as const) : ('x' as const),
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked, beginAtZero: true },
        y: { stacked, beginAtZero: true },
        ...(spec.rightAxisLabel
          ? {
              right: {
                position: 'right' as const,
                beginAtZero: true,
                grid: { drawOnChartArea: false },
                title: { display: true, text: spec.rightAxisLabel },
              },
            }
          : {}),
      },
      plugins: { legend: { position: 'bottom' as const } },
    },
  };
}
