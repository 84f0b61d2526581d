import type { CustomerState } from '../../session/api-shapes';
import { h } from '../../ui/dom';
import { formatAmount, formatCount, formatTime } from '../../ui/format';
import { valueNode } from './event-data';

interface StateFact {
  key: string;
  label: string;
  value: (state: CustomerState) => unknown;
  format?: (value: unknown) => string;
}

const count = (value: unknown): string => formatCount(typeof value === 'number' ? value : null);
const path = (state: CustomerState, ...keys: string[]): unknown =>
  keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], state);

const FACTS: StateFact[] = [
  { key: 'firstName', label: 'First name', value: (s) => s.firstName },
  { key: 'lastName', label: 'Last name', value: (s) => s.lastName },
  { key: 'email', label: 'E-mail', value: (s) => s.email },
  { key: 'phone', label: 'Phone', value: (s) => s.phone },
  { key: 'company', label: 'Company', value: (s) => s.company },
  { key: 'lifecycleStage', label: 'Lifecycle stage', value: (s) => s.lifecycleStage },
  { key: 'leadStatus', label: 'Lead status', value: (s) => s.leadStatus },
  { key: 'ownerId', label: 'Owner', value: (s) => s.ownerId },
  { key: 'segment', label: 'Segment', value: (s) => s.segment },
  { key: 'deals.open', label: 'Open deals', value: (s) => path(s, 'deals', 'open'), format: count },
  { key: 'deals.won', label: 'Won deals', value: (s) => path(s, 'deals', 'won'), format: count },
  { key: 'deals.lost', label: 'Lost deals', value: (s) => path(s, 'deals', 'lost'), format: count },
  {
    key: 'purchases.orders',
    label: 'Orders',
    value: (s) => path(s, 'purchases', 'orders'),
    format: count,
  },
  {
    key: 'purchases.total',
    label: 'Purchases total',
    value: (s) => path(s, 'purchases', 'total'),
    format: (value) => formatAmount(typeof value === 'number' ? value : null),
  },
  {
    key: 'interactions.total',
    label: 'Interactions',
    value: (s) => path(s, 'interactions', 'total'),
    format: count,
  },
  { key: 'openTickets', label: 'Open tickets', value: (s) => s.openTickets, format: count },
  {
    key: 'erasedAt',
    label: 'Erased at',
    value: (s) => s.erasedAt,
    format: (value) => formatTime(value as string | null),
  },
  { key: 'mergedInto', label: 'Merged into', value: (s) => s.mergedInto },
];

/** The customer 360 as the server rebuilt it by replaying the history up to `state.position`. */
export function statePanel(state: CustomerState, eventLabel: string): HTMLElement {
  return h(
    'section',
    { class: 'panel state', 'aria-labelledby': 'state-title', 'data-position': state.position },
    h('h2', { id: 'state-title' }, `State after position ${state.position}`),
    h('p', { class: 'hint' }, eventLabel),
    h(
      'dl',
      { class: 'facts' },
      ...FACTS.flatMap((fact) => {
        const value = fact.value(state);
        const shown = fact.format ? document.createTextNode(fact.format(value)) : valueNode(value);
        return [
          h('dt', {}, fact.label),
          h('dd', { 'data-fact': fact.key, 'data-value': raw(value) }, shown),
        ];
      }),
    ),
    h(
      'details',
      {},
      h('summary', {}, 'Every field'),
      h('pre', { class: 'json', tabindex: 0 }, JSON.stringify(state, null, 2)),
    ),
  );
}

function raw(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
