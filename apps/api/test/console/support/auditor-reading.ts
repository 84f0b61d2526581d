import type { Page } from 'puppeteer-core';

export interface AuditEventAnswer {
  type: string;
  position: string;
  data: Record<string, unknown>;
  metadata: {
    occurredAt: string;
    recordedAt: string;
    correlationId: string;
    actor: { id: string };
  };
}

export interface TimelineEntry {
  position: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
}

interface EntryNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): { textContent: string | null } | null;
}

/** The timeline's entries as the page shows them. */
export function shownTimeline(page: Page): Promise<TimelineEntry[]> {
  return page.$$eval('ol.timeline > li', (items: EntryNode[]) =>
    items.map((item) => {
      const field = (name: string): string =>
        item.querySelector(`[data-field="${name}"]`)?.textContent ?? '';
      return {
        position: item.getAttribute('data-position') ?? '',
        type: field('type'),
        occurredAt: field('occurredAt'),
        recordedAt: field('recordedAt'),
        actor: field('actor'),
        correlationId: field('correlationId'),
      };
    }),
  );
}

/** What the timeline must show for an event of the API: both clocks in UTC to the second. */
export function expectedEntry(event: AuditEventAnswer): TimelineEntry {
  const utc = (iso: string): string =>
    `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return {
    position: event.position,
    type: event.type,
    occurredAt: utc(event.metadata.occurredAt),
    recordedAt: utc(event.metadata.recordedAt),
    actor: event.metadata.actor.id,
    correlationId: event.metadata.correlationId,
  };
}

/** The text of one event's data as the timeline lists it. */
export function shownEventData(page: Page, position: string): Promise<string> {
  return page.$eval(
    `ol.timeline > li[data-position="${position}"] .event-data`,
    (data: { textContent: string | null }) => data.textContent ?? '',
  );
}
