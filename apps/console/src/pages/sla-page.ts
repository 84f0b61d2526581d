import type { PageContext } from '../shell/page-context';
import type { ServiceSlaView, SlaFigures, SlaTarget } from '../session/api-shapes';
import { type ChartBoard, PALETTE } from '../ui/charts';
import { h } from '../ui/dom';
import { figureList } from '../ui/figures';
import { formatCount, formatDecimal, formatDuration } from '../ui/format';
import { type Column, dataTable, numberColumn, tableCsv } from '../ui/table';
import { viewPage } from './view-page';

type TargetName = 'firstResponse' | 'resolution';

const TARGETS: Array<{ name: TargetName; label: string; short: string }> = [
  { name: 'firstResponse', label: 'First response', short: 'First response' },
  { name: 'resolution', label: 'Resolution', short: 'Resolution' },
];

function targetColumns<T extends SlaFigures>(): Column<T>[] {
  return TARGETS.flatMap(({ name, short }) => [
    numberColumn<T>(`${name}.met`, `${short} met`, (row) => row[name].met, formatCount),
    numberColumn<T>(`${name}.breached`, `${short} breached`, (r) => r[name].breached, formatCount),
    numberColumn<T>(`${name}.pending`, `${short} pending`, (r) => r[name].pending, formatCount),
    numberColumn<T>(
      `${name}.medianSeconds`,
      `${short} median`,
      (r) => r[name].medianSeconds,
      formatDuration,
    ),
    numberColumn<T>(
      `${name}.p90Seconds`,
      `${short} p90`,
      (r) => r[name].p90Seconds,
      formatDuration,
    ),
  ]);
}

function groupColumns<T extends SlaFigures>(first: Column<T>): Column<T>[] {
  return [
    first,
    numberColumn<T>('tickets', 'Tickets', (row) => row.tickets, formatCount),
    numberColumn<T>('open', 'Open', (row) => row.open, formatCount),
    ...targetColumns<T>(),
    numberColumn<T>('satisfaction', 'Satisfaction', (r) => r.satisfaction.average, formatDecimal),
  ];
}

type PriorityRow = ServiceSlaView['byPriority'][number];
type TeamRow = ServiceSlaView['byTeam'][number];
const BY_PRIORITY = groupColumns<PriorityRow>({
  key: 'priority',
  label: 'Priority',
  value: (row) => row.priority,
});
const BY_TEAM = groupColumns<TeamRow>({
  key: 'teamId',
  label: 'Team',
  value: (row) => row.teamId,
  format: (value) => (value === null ? 'no team' : String(value)),
});

/** `/console/sla`: first response and resolution against their due times. */
export function slaPage(context: PageContext): Promise<void> {
  return viewPage<ServiceSlaView>(context, {
    title: 'Service SLA',
    intro:
      'Tickets opened in the window. Due times come from the SLA policy in force at opening; met ' +
      'means done by then, breached done later or overdue now, pending not done and not yet due. ' +
      'Median and p90 are over the finished targets.',
    apiPath: '/views/service-sla',
    fields: [
      { name: 'from', label: 'Opened from', kind: 'date' },
      { name: 'to', label: 'Opened before', kind: 'date' },
      { name: 'priority', label: 'Priority at opening', kind: 'choice', anyLabel: 'any' },
      { name: 'teamId', label: 'Team', kind: 'text' },
      { name: 'agentId', label: 'Agent', kind: 'text' },
    ],
    load: ({ api }, query) => api.get<ServiceSlaView>('/views/service-sla', query),
    render: (sla, board) => [
      figureList('Tickets', [
        { key: 'tickets', label: 'Tickets', value: sla.tickets, text: formatCount(sla.tickets) },
        { key: 'open', label: 'Open', value: sla.open, text: formatCount(sla.open) },
        {
          key: 'satisfaction.average',
          label: 'Satisfaction',
          value: sla.satisfaction.average,
          text: formatDecimal(sla.satisfaction.average),
          hint: `${formatCount(sla.satisfaction.responses)} responses`,
        },
      ]),
      h(
        'div',
        { class: 'panels' },
        ...TARGETS.map(({ name, label }) => targetPanel(name, label, sla[name])),
      ),
      h(
        'div',
        { class: 'chart-row' },
        ...TARGETS.map(({ name, label }) => priorityChart(board, sla, name, label)),
      ),
      h('h2', {}, 'By priority at opening'),
      dataTable(BY_PRIORITY, sla.byPriority, {
        caption: 'SLA by priority at opening',
        rowKey: (row) => row.priority,
        empty: 'No ticket opened in this window.',
      }),
      h('h2', {}, 'By team'),
      dataTable(BY_TEAM, sla.byTeam, {
        caption: 'SLA by current team',
        rowKey: (row) => row.teamId ?? '',
        empty: 'No ticket opened in this window.',
      }),
    ],
    downloads: (sla) => [
      {
        label: 'by priority',
        filename: 'sla-by-priority.csv',
        text: tableCsv(BY_PRIORITY, sla.byPriority),
      },
      { label: 'by team', filename: 'sla-by-team.csv', text: tableCsv(BY_TEAM, sla.byTeam) },
    ],
  });
}

function targetPanel(name: TargetName, label: string, target: SlaTarget): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': `${name}-title` },
    h('h2', { id: `${name}-title` }, label),
    figureList(label, [
      {
        key: `${name}.met`,
        label: 'Met',
        value: target.met,
        text: formatCount(target.met),
        tone: 'good',
      },
      {
        key: `${name}.breached`,
        label: 'Breached',
        value: target.breached,
        text: formatCount(target.breached),
        tone: 'bad',
      },
      {
        key: `${name}.pending`,
        label: 'Pending',
        value: target.pending,
        text: formatCount(target.pending),
      },
      {
        key: `${name}.medianSeconds`,
        label: 'Median',
        value: target.medianSeconds,
        text: formatDuration(target.medianSeconds),
      },
      {
        key: `${name}.p90Seconds`,
        label: 'p90',
        value: target.p90Seconds,
        text: formatDuration(target.p90Seconds),
      },
    ]),
  );
}

function priorityChart(
  board: ChartBoard,
  sla: ServiceSlaView,
  name: TargetName,
  label: string,
): HTMLElement {
  const rows = sla.byPriority;
  return board.figure(`${label} by priority`, {
    description: rows
      .map((row) => `${row.priority}: ${row[name].met} met, ${row[name].breached} breached`)
      .join('; '),
    labels: rows.map((row) => row.priority),
    series: [
      {
        label: 'Met',
        values: rows.map((row) => row[name].met),
        color: PALETTE.green,
        stack: 'sla',
      },
      {
        label: 'Breached',
        values: rows.map((row) => row[name].breached),
        color: PALETTE.red,
        stack: 'sla',
      },
      {
        label: 'Pending',
        values: rows.map((row) => row[name].pending),
        color: PALETTE.grey,
        stack: 'sla',
      },
    ],
  });
}
