import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { occurredAtOf } from '../shared/event-fields';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { queryServiceSla, type ServiceSlaFilters } from './query-service-sla';
import { queryServiceSlaAsOf, queryTicketAsOf } from './query-sla-as-of';
import { queryTicket } from './query-ticket';
import {
  AGENTS,
  PRIORITIES,
  TEAMS,
  TICKET_IDS,
  ticketHistories,
} from './testing/random-ticket-histories';
import { projectSla } from './testing/sla-read-model';
import { hoursAfterOrigin } from './testing/ticket-events';

const bound = fc.option(fc.integer({ min: -24, max: 24 * 6 }).map(hoursAfterOrigin), {
  nil: undefined,
});
const filter = fc.oneof(
  fc.record({ priority: fc.constantFrom(...PRIORITIES) }),
  fc.record({ teamId: fc.constantFrom(...TEAMS) }),
  fc.record({ agentId: fc.constantFrom(...AGENTS) }),
);
const filters: fc.Arbitrary<ServiceSlaFilters> = windowAndFilters(bound, filter, {
  orderedWindow: true,
});

/** A moment to ask about: often exactly an event's business time (whole hours), else between. */
const moments = (events: readonly RecordedEvent[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...events.map(occurredAtOf)),
    fc.integer({ min: -2, max: 24 * 6 }).map(hoursAfterOrigin),
    fc.integer({ min: -2, max: 24 * 6 }).map((hour) => hoursAfterOrigin(hour + 0.5)),
  );

const withoutPosition = <T extends { position: string }>(view: T): Omit<T, 'position'> => {
  const { position: _position, ...rest } = view;
  return rest;
};

describe('the SLA views as of validAt', () => {
  let readStore: ReadStore;
  let oracleStore: ReadStore;

  beforeAll(async () => {
    readStore = await openTestReadStore();
    oracleStore = await openTestReadStore();
  });

  afterAll(async () => {
    await readStore.close();
    await oracleStore.close();
  });

  it('equal a fresh projection fed only the events that had happened by then, judged then', async () => {
    await fc.assert(
      fc.asyncProperty(
        ticketHistories.chain((events) =>
          fc.record({
            events: fc.constant(events),
            batchSize: fc.integer({ min: 1, max: 40 }),
            asked: fc.array(fc.tuple(moments(events), filters), { minLength: 1, maxLength: 5 }),
          }),
        ),
        async ({ events, batchSize, asked }) => {
          await readStore.dropByPrefix('service-sla.');
          let model = await projectSla(readStore, []);
          for (let start = 0; start < events.length; start += batchSize) {
            model = await projectSla(readStore, events.slice(start, start + batchSize));
          }
          for (const [validAt, askedFilters] of asked) {
            await oracleStore.dropByPrefix('service-sla.');
            const oracle = await projectSla(oracleStore, eventsKnownAt(events, validAt));
            const at = new Date(validAt);

            const asOf = await queryServiceSlaAsOf(model, askedFilters, validAt);
            expect(asOf.position).toBe(model.position);
            expect(withoutPosition(asOf)).toEqual(
              withoutPosition(await queryServiceSla(oracle, askedFilters, at)),
            );
            expect(withoutPosition(await queryServiceSlaAsOf(model, {}, validAt))).toEqual(
              withoutPosition(await queryServiceSla(oracle, {}, at)),
            );
            for (const ticketId of TICKET_IDS) {
              const ticket = await queryTicketAsOf(model, ticketId, validAt);
              const expected = await queryTicket(oracle, ticketId, at);
              expect(ticket && withoutPosition(ticket)).toEqual(
                expected && withoutPosition(expected),
              );
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
