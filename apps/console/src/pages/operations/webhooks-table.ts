import type { ApiClient } from '../../session/api-client';
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
    key: 'deliveries',
    label: 'Failed / held / dead',
    value: (row) =>
      row.deliveries
        ? `${row.deliveries.failed} / ${row.deliveries.held} / ${row.deliveries.dead}`
        : '',
  },
  {
    key: 'lastDeliveryAt',
    label: 'Last delivery',
    value: (row) => row.lastDeliveryAt,
    format: (value) => formatTime(value as string | null),
  },
];

/** The list leaves out where each subscription stands: each one's own route tells. */
export async function loadWebhooks(api: ApiClient): Promise<Webhook[]> {
  const { webhooks } = await api.get<{ webhooks: Webhook[] }>('/admin/webhooks');
  return Promise.all(
    webhooks.map((webhook) =>
      api.get<Webhook>(`/admin/webhooks/${encodeURIComponent(webhook.webhookId)}`),
    ),
  );
}

export function webhooksTable(webhooks: readonly Webhook[]): HTMLElement {
  return dataTable(COLUMNS, webhooks, {
    caption: 'Webhook subscriptions',
    rowKey: (row) => row.webhookId,
    empty: 'No webhook subscription.',
  });
}
