import type { AuditEvent } from '../../session/api-shapes';
import { h } from '../../ui/dom';
import { formatTime } from '../../ui/format';
import type { Column } from '../../ui/table';
import { eventData } from './event-data';

/** The timeline's CSV columns. */
export const TIMELINE_COLUMNS: Column<AuditEvent>[] = [
  { key: 'position', label: 'Position', value: (event) => event.position, numeric: true },
  {
    key: 'occurredAt',
    label: 'Business time',
    value: (event) => event.metadata.occurredAt,
    format: (value) => formatTime(value as string | undefined),
  },
  {
    key: 'recordedAt',
    label: 'Recorded',
    value: (event) => event.metadata.recordedAt,
    format: (value) => formatTime(value as string | undefined),
  },
  { key: 'type', label: 'Event', value: (event) => event.type },
  { key: 'stream', label: 'Stream @ revision', value: (e) => `${e.streamId}@${e.revision}` },
  { key: 'actor', label: 'Actor', value: (event) => event.metadata.actor?.id },
  { key: 'correlationId', label: 'Correlation id', value: (e) => e.metadata.correlationId },
  { key: 'data', label: 'Data', value: (event) => JSON.stringify(event.data) },
];

/**
 * The history in global order, one entry per event with its two clocks, actor and correlation
 * id, and a button that shows the customer's state right after it (`selected` is shown now).
 */
export function timelineList(
  events: readonly AuditEvent[],
  selected: string | undefined,
  onSelect: (position: string) => void,
): HTMLElement {
  if (events.length === 0) return h('p', { class: 'empty' }, 'No event.');
  return h(
    'ol',
    { class: 'timeline', 'aria-label': 'Every event of the customer, in global order' },
    ...events.map((event) => timelineEntry(event, event.position === selected, onSelect)),
  );
}

function timelineEntry(
  event: AuditEvent,
  selected: boolean,
  onSelect: (position: string) => void,
): HTMLElement {
  const { metadata } = event;
  return h(
    'li',
    { 'data-position': event.position, 'data-selected': selected },
    h(
      'div',
      { class: 'entry-head' },
      h('span', { class: 'position' }, `#${event.position}`),
      h('strong', { 'data-field': 'type' }, event.type),
      h('code', {}, `${event.streamId}@${event.revision}`),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'aria-pressed': String(selected),
          'aria-label': `State here: after ${event.type} at position ${event.position}`,
          onclick: () => onSelect(event.position),
        },
        'State here',
      ),
    ),
    h(
      'dl',
      { class: 'entry-meta' },
      h('dt', {}, 'Business time'),
      h('dd', { 'data-field': 'occurredAt' }, formatTime(metadata.occurredAt)),
      h('dt', {}, 'Recorded'),
      h('dd', { 'data-field': 'recordedAt' }, formatTime(metadata.recordedAt)),
      h('dt', {}, 'Actor'),
      h('dd', { 'data-field': 'actor' }, metadata.actor?.id ?? '—'),
      h('dt', {}, 'Correlation'),
      h('dd', { 'data-field': 'correlationId' }, metadata.correlationId ?? '—'),
    ),
    eventData(event.data),
  );
}

/** The slider over the loaded events: moving it picks the event whose aftermath is shown. */
export function timelineSlider(
  events: readonly AuditEvent[],
  selected: string | undefined,
  onSelect: (position: string) => void,
): HTMLElement {
  const index = Math.max(
    0,
    events.findIndex((event) => event.position === selected),
  );
  const describe = (event: AuditEvent | undefined): string =>
    event
      ? `#${events.indexOf(event) + 1} ${event.type}, ${formatTime(event.metadata.occurredAt)}`
      : '';
  const slider = h('input', {
    type: 'range',
    id: 'timeline-point',
    min: 0,
    max: Math.max(0, events.length - 1),
    step: 1,
    value: selected === undefined ? events.length - 1 : index,
  });
  const output = h('output', { for: 'timeline-point' });
  const show = (): void => {
    const text = describe(events[Number(slider.value)]);
    output.textContent = text;
    slider.setAttribute('aria-valuetext', text);
  };
  show();
  slider.addEventListener('input', show);
  slider.addEventListener('change', () => {
    const event = events[Number(slider.value)];
    if (event) onSelect(event.position);
  });
  return h(
    'div',
    { class: 'as-of' },
    h('label', { for: 'timeline-point' }, 'State after event'),
    slider,
    output,
  );
}
