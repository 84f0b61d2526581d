import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import {
  type ServiceSlaFilters,
  queryServiceSla,
  queryServiceSlaByTickets,
} from './query-service-sla';
import { hoursAfterOrigin, ticketHistory } from './testing/ticket-events';
import { projectSla } from './testing/sla-read-model';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const ticket = fc.integer({ min: 0, max: 7 });
const hour = fc.integer({ min: 0, max: 24 * 5 });

type Step =
  | { kind: 'open'; ticket: number; hour: number; priority: string; team?: string; due: number }
  | { kind: 'assign'; ticket: number; hour: number; agent: string; team?: string }
  | { kind: 'respond' | 'resolve' | 'reopen'; ticket: number; hour: number }
  | { kind: 'close'; ticket: number; hour: number; score?: number };

const team = fc.option(fc.constantFrom('t0', 't1'), { nil: undefined });
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
    agent: fc.constantFrom('a0', 'a1'),
    team,
  }),
  fc.record({
    kind: fc.constantFrom('respond' as const, 'resolve' as const, 'reopen' as const),
    ticket,
    hour,
  }),
  fc.record({
    kind: fc.constant('close' as const),
    ticket,
    hour,
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  }),
);
/** Every ticket opens (in a random order, at random times), then changes come. */
const histories: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.tuple(...[0, 1, 2, 3, 4, 5, 6, 7].map(opening)),
    fc.array(change, { minLength: 5, maxLength: 40 }),
  )
  .chain(([openings, changes]) =>
    fc.shuffledSubarray([...openings, ...changes], { minLength: openings.length + changes.length }),
  );

const bound = fc.option(fc.integer({ min: -24, max: 24 * 6 }).map(hoursAfterOrigin), {
  nil: undefined,
});
const filter = fc.oneof(
  fc.record({ priority: fc.constantFrom(...PRIORITIES) }),
  fc.record({ teamId: fc.constantFrom('t0', 't1') }),
  fc.record({ agentId: fc.constantFrom('a0', 'a1') }),
);
const filters: fc.Arbitrary<ServiceSlaFilters> = windowAndFilters(bound, filter, {
  orderedWindow: true,
});

describe('the service-sla day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(async () => {
    await readStore.close();
  });

  it('answer every window, filter and now exactly as the tickets themselves', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(filters, fc.integer({ min: 0, max: 24 * 8 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (steps, batchSize, asked) => {
          await readStore.dropByPrefix('service-sla.');
          const history = ticketHistory();
          for (const step of steps) {
            const id = `T${step.ticket}`;
            if (step.kind === 'open') {
              const { priority, team: teamId, due } = step;
              history.opened(id, step.hour, {
                priority,
                teamId,
                firstResponseHours: due,
                resolutionHours: due * 3,
              });
            } else if (step.kind === 'assign') {
              history.event('TicketAssigned', id, step.hour, {
                agentId: step.agent,
                ...(step.team && { teamId: step.team }),
              });
            } else if (step.kind === 'close') {
              history.event(
                'TicketClosed',
                id,
                step.hour,
                step.score === undefined ? {} : { satisfactionScore: step.score },
              );
            } else {
              const type = {
                respond: 'TicketResponded',
                resolve: 'TicketResolved',
                reopen: 'TicketReopened',
              }[step.kind];
              history.event(type, id, step.hour);
            }
          }
          let model = await projectSla(readStore, []);
          for (let start = 0; start < history.events.length; start += batchSize) {
            model = await projectSla(readStore, history.events.slice(start, start + batchSize));
          }
          for (const [askedFilters, nowHour] of asked) {
            const now = new Date(hoursAfterOrigin(nowHour));
            expect(await queryServiceSla(model, askedFilters, now)).toEqual(
              await queryServiceSlaByTickets(model, askedFilters, now),
            );
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
