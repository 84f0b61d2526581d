import type { Webhook } from '../../session/api-shapes';
import { formatTime } from '../../ui/format';
import { type Column, dataTable } from '../../ui/table';

const COLUMNS: Column<Webhook>[] = [
  { key: 'webhookId', label: 'Webhook', value: (row) => row.webhookId },
  { key: 'url', label: 'URL', value: (row) => row.url },
  { key: 'eventTypes', label: 'Events', value: (row) => row.eventTypes.join(', ') },
  { key: 'state', label: 'State', value: (row) => row.state },
  { key: 'lag', label: 'Lag', value: (row) => row.lag, numeric: true },
  {
    key: 'failing',
    label: 'Failing',
    value: (row) => (row.failing === undefined ? '' : row.failing ? 'yes' : 'no'),
  },
  {
    key: 'lastDeliveryAt',
    label: 'Last delivery',
    value: (row) => row.lastDeliveryAt,
    format: (value) => formatTime(value as string | null),
  },
];

/** The list answer, whether the API wraps it (`{ webhooks: [...] }`) or not. */
export function webhooksOf(answer: unknown): Webhook[] {
  if (Array.isArray(answer)) return answer as Webhook[];
  const wrapped = (answer as { webhooks?: unknown } | null)?.webhooks;
  return Array.isArray(wrapped) ? (wrapped as Webhook[]) : [];
}

export function webhooksTable(webhooks: readonly Webhook[]): HTMLElement {
  return dataTable(COLUMNS, webhooks, {
    caption: 'Webhook subscriptions',
    rowKey: (row) => row.webhookId,
    empty: 'No webhook subscription.',
  });
}
