import { errorNotice } from '../shell/errors';
import { markState, type PageContext } from '../shell/page-context';
import type { AuditEvent, CustomerEventsPage, CustomerState } from '../session/api-shapes';
import { downloadCsv } from '../ui/csv';
import { h, replaceChildren } from '../ui/dom';
import { formatCount, formatTime } from '../ui/format';
import { readFragment, writeFragment } from '../ui/page-state';
import { tableCsv } from '../ui/table';
import { integrityPanel, loadIntegrity } from './customer/integrity-panel';
import { statePanel } from './customer/state-panel';
import { TIMELINE_COLUMNS, timelineSlider, timelineList } from './customer/timeline';
import { customerSearch } from './customer/customer-search';

const PAGE_SIZE = 200;

/** `/console/customers/{contactId}`: the auditor's walk through one customer's history. */
export async function customerPage(context: PageContext): Promise<void> {
  const contactId = context.segments[0];
  if (!contactId) return customerSearch(context);
  const { api, main, identity } = context;
  const base = `/audit/customers/${encodeURIComponent(contactId)}`;
  const events: AuditEvent[] = [];
  let next: string | undefined;
  let selected = readFragment().get('at') ?? undefined;

  const integrity = h('div', { class: 'integrity-place' });
  const timeline = h('div', { class: 'timeline-place' });
  const state = h('div', { class: 'state-place' });
  const heading = h('h2', { id: 'timeline-title' }, 'Timeline');
  replaceChildren(
    main,
    h('h1', {}, `Customer ${contactId}`),
    h(
      'p',
      { class: 'intro' },
      'Every event of every stream that belongs to this customer (contact, deals, orders, ' +
        'interactions, tickets, surveys), in the order the log stored them, with business and ' +
        'recorded time. Pick an event to see the customer exactly as it stood right after it.',
    ),
    integrity,
    h(
      'div',
      { class: 'customer-columns' },
      h('section', { 'aria-labelledby': 'timeline-title' }, heading, timeline),
      state,
    ),
  );

  const showState = async (position: string): Promise<void> => {
    selected = position;
    const params = readFragment();
    params.set('at', position);
    writeFragment(params, 'replace');
    for (const entry of timeline.querySelectorAll<HTMLElement>('li[data-position]')) {
      const isSelected = entry.dataset.position === position;
      entry.toggleAttribute('data-selected', isSelected);
      entry.querySelector('button')?.setAttribute('aria-pressed', String(isSelected));
    }
    const slider = timeline.querySelector<HTMLInputElement>('#timeline-point');
    const index = events.findIndex((event) => event.position === position);
    if (slider && index >= 0 && slider.value !== String(index)) {
      slider.value = String(index);
      slider.dispatchEvent(new Event('input'));
    }
    markState(main, 'loading');
    try {
      const customer = await api.get<CustomerState>(`${base}/state`, { atPosition: position });
      const event = events.find((candidate) => candidate.position === position);
      const label = event
        ? `After ${event.type} of ${formatTime(event.metadata.occurredAt)} (business time).`
        : '';
      replaceChildren(state, statePanel(customer, label));
      markState(main, 'ready');
    } catch (error) {
      replaceChildren(state, errorNotice(error, identity, 'auditor'));
      markState(main, 'failed');
    }
  };

  const drawTimeline = (): void => {
    heading.textContent = `Timeline (${formatCount(events.length)} events${next ? ' loaded' : ''})`;
    const onSelect = (position: string): void => void showState(position);
    replaceChildren(
      timeline,
      timelineSlider(events, selected, onSelect),
      timelineList(events, selected, onSelect),
      h(
        'div',
        { class: 'downloads' },
        next
          ? h('button', { type: 'button', onclick: () => void loadMore() }, 'Load more events')
          : undefined,
        h(
          'button',
          {
            type: 'button',
            'data-download': `${contactId}-timeline.csv`,
            onclick: () =>
              downloadCsv(`${contactId}-timeline.csv`, tableCsv(TIMELINE_COLUMNS, events)),
          },
          'Download CSV: timeline',
        ),
      ),
    );
  };

  const loadMore = async (): Promise<void> => {
    const page = await api.get<CustomerEventsPage>(`${base}/events`, {
      after: next,
      limit: String(PAGE_SIZE),
    });
    events.push(...page.events);
    next = page.next;
    drawTimeline();
  };

  markState(main, 'loading');
  try {
    const [page, facts] = await Promise.all([
      api.get<CustomerEventsPage>(`${base}/events`, { limit: String(PAGE_SIZE) }),
      loadIntegrity(api, contactId),
    ]);
    events.push(...page.events);
    next = page.next;
    const known = events.some((event) => event.position === selected);
    if (!known) selected = events.at(-1)?.position;
    replaceChildren(integrity, integrityPanel(facts, events.at(-1)?.position));
    drawTimeline();
    if (selected) await showState(selected);
    else markState(main, 'ready');
  } catch (error) {
    replaceChildren(
      main,
      h('h1', {}, `Customer ${contactId}`),
      errorNotice(error, identity, 'auditor'),
    );
    markState(main, 'failed');
  }
}
