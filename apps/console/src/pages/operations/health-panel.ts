import type { HealthReport } from '../../session/api-shapes';
import { h } from '../../ui/dom';

/** `/health` as a list: each store's adapter and status, and the integrity follower's. */
export function healthPanel(health: HealthReport): HTMLElement {
  const integrity = health.integrity;
  const rows: Array<[string, string, string]> = [
    ['overall', 'Overall', health.status],
    ['eventStore', `Event store (${health.eventStore.adapter})`, health.eventStore.status],
    ['readStore', `Read store (${health.readStore.adapter})`, health.readStore.status],
    ['redis', 'Redis', health.redis.status],
    [
      'integrity',
      'Integrity',
      integrity.treeSize === undefined
        ? integrity.status
        : `${integrity.status}, tree of ${integrity.treeSize} events, ${integrity.problemCount ?? 0} problems`,
    ],
  ];
  return h(
    'dl',
    { class: 'facts health', 'aria-label': 'Health' },
    ...rows.flatMap(([key, label, status]) => [
      h('dt', {}, label),
      h(
        'dd',
        { 'data-fact': key, class: `health-${status.split(',')[0]?.replace(/\s/g, '-')}` },
        status,
      ),
    ]),
  );
}
