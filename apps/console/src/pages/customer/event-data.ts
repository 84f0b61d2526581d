import { h } from '../../ui/dom';

const ERASED = '[erased]';
/** Characters of a nested value shown inline; the whole event is in the CSV and the API. */
const INLINE_LIMIT = 120;

/**
 * An event's data as `field: value` lines. Personal fields arrive decrypted, or as `[erased]`
 * once the subject was erased; the latter is marked so an auditor sees it at a glance.
 */
export function eventData(data: Record<string, unknown>): HTMLElement {
  return h(
    'dl',
    { class: 'event-data' },
    ...Object.entries(data).flatMap(([field, value]) => [
      h('dt', {}, field),
      h('dd', {}, valueNode(value)),
    ]),
  );
}

export function valueNode(value: unknown): Node {
  if (value === ERASED) return h('span', { class: 'erased' }, ERASED);
  if (value === null || value === undefined) return document.createTextNode('—');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? document.createTextNode(String(value))
    : h('code', {}, inline(JSON.stringify(value)));
}

function inline(text: string): string {
  return text.length <= INLINE_LIMIT ? text : `${text.slice(0, INLINE_LIMIT)}…`;
}
