import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import { hoursAfterOrigin, ticketHistory } from './ticket-events';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
export const TEAMS = ['t0', 't1'];
export const AGENTS = ['a0', 'a1'];
export const TICKET_IDS = [0, 1, 2, 3, 4, 5].map((index) => `T${index}`);

type Step =
  | { kind: 'open'; ticket: number; hour: number; priority: string; team?: string; due: number }
  | { kind: 'assign'; ticket: number; hour: number; agent: string; team?: string }
  | { kind: 'priority'; ticket: number; hour: number; priority: string }
  | { kind: 'respond' | 'resolve' | 'reopen' | 'breach'; ticket: number; hour: number }
  | { kind: 'close'; ticket: number; hour: number; score?: number; resolvedAtClose: boolean };

// Whole hours, so many events share a business time and ties go by position.
const hour = fc.integer({ min: 0, max: 24 * 5 });
const ticket = fc.integer({ min: 0, max: TICKET_IDS.length - 1 });
const team = fc.option(fc.constantFrom(...TEAMS), { nil: undefined });

const opening = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('open' as const),
    ticket: fc.constant(index),
    hour,
    priority: fc.constantFrom(...PRIORITIES),
    team,
    due: fc.integer({ min: 1, max: 48 }),
  });

const change: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('assign' as const),
    ticket,
    hour,
    agent: fc.constantFrom(...AGENTS),
    team,
  }),
  fc.record({
    kind: fc.constant('priority' as const),
    ticket,
    hour,
    priority: fc.constantFrom(...PRIORITIES),
  }),
  fc.record({
    kind: fc.constantFrom(
      'respond' as const,
      'resolve' as const,
      'reopen' as const,
      'breach' as const,
    ),
    ticket,
    hour,
  }),
  fc.record({
    kind: fc.constant('close' as const),
    ticket,
    hour,
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    resolvedAtClose: fc.boolean(),
  }),
);

/**
 * Ticket histories with backfills: business times are drawn independently of the recorded order,
 * so many events are recorded after others that happened later. As the domain requires, each
 * ticket's opening is recorded before anything else about it (its business time may still be
 * later than theirs). Events come with positions 1, 2, 3… in recorded order.
 */
export const ticketHistories: fc.Arbitrary<RecordedEvent[]> = fc
  .tuple(
    fc.tuple(...TICKET_IDS.map((_, index) => opening(index))),
    fc.array(change, { minLength: 3, maxLength: 30 }),
  )
  .chain(([openings, changes]) =>
    fc.shuffledSubarray([...openings, ...changes], { minLength: openings.length + changes.length }),
  )
  .map(openingsRecordedFirst)
  .map(toEvents);

function openingsRecordedFirst(steps: readonly Step[]): Step[] {
  const openings = new Map(
    steps.filter((step) => step.kind === 'open').map((step) => [step.ticket, step]),
  );
  const recorded: Step[] = [];
  for (const step of steps) {
    const opened = openings.get(step.ticket);
    if (opened) {
      recorded.push(opened);
      openings.delete(step.ticket);
    }
    if (step.kind !== 'open') recorded.push(step);
  }
  return recorded;
}

function toEvents(steps: readonly Step[]): RecordedEvent[] {
  const history = ticketHistory();
  for (const step of steps) {
    const id = TICKET_IDS[step.ticket]!;
    switch (step.kind) {
      case 'open':
        history.opened(id, step.hour, {
          priority: step.priority,
          teamId: step.team,
          firstResponseHours: step.due,
          resolutionHours: step.due * 3,
        });
        break;
      case 'assign':
        history.event('TicketAssigned', id, step.hour, {
          agentId: step.agent,
          ...(step.team && { teamId: step.team }),
        });
        break;
      case 'priority':
        history.event('TicketPriorityChanged', id, step.hour, { priority: step.priority });
        break;
      case 'close':
        history.event('TicketClosed', id, step.hour, {
          resolvedAtClose: step.resolvedAtClose,
          ...(step.score !== undefined && { satisfactionScore: step.score }),
        });
        break;
      case 'breach':
        history.event('SlaBreached', id, step.hour, {
          target: 'first_response',
          dueAt: hoursAfterOrigin(step.hour),
        });
        break;
      case 'respond':
        history.event('TicketResponded', id, step.hour, { agentId: 'a0' });
        break;
      case 'resolve':
        history.event('TicketResolved', id, step.hour);
        break;
      case 'reopen':
        history.event('TicketReopened', id, step.hour);
        break;
    }
  }
  return history.events;
}
