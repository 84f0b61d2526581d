import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../event-store.port';

/** Builds appendable events with fresh ids; tests name only what they care about. */
export function anEvent(type = 'TestHappened', data: Record<string, unknown> = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    data: data as EventToAppend['data'],
    metadata: { actor: 'test' },
  };
}

export function events(count: number, type = 'TestHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

/** Stream ids unique to one run, so the suite can run against a server that keeps old data. */
export function uniqueStream(category: string): string {
  return `${category}-${randomUUID().slice(0, 8)}`;
}
