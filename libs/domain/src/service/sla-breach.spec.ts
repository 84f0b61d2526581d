import { ticketOpened } from '../testing/fixtures';
import { at, fold, type RecordedEvent } from '../testing/given';
import { decideSlaBreach } from './sla-breach';
import { type TicketState } from './ticket-state';

// ticketOpened's due times: first response 2025-03-01T17:00Z, resolution 2025-03-04T09:00Z.
const ref = { ticketId: 'T1', contactId: 'C1' };
const ticket = (...more: RecordedEvent[]) =>
  fold('ticket-T1', [ticketOpened('T1'), ...more]) as TicketState;
const responded = (when: string) =>
  at(when, { type: 'TicketResponded', data: { ...ref, agentId: 'A1', firstResponse: true } });
const breach = (target: 'first_response' | 'resolution', dueAt: string) => [
  { type: 'SlaBreached', data: { ...ref, target, dueAt } },
];

describe('decideSlaBreach', () => {
  it('reports a first response still missing at its due time', () => {
    expect(decideSlaBreach(ticket(), 'first_response', '2025-03-01T17:00:00.000Z')).toEqual(
      breach('first_response', '2025-03-01T17:00:00.000Z'),
    );
  });

  it('reports nothing before the due time or when the target was met in time', () => {
    expect(decideSlaBreach(ticket(), 'first_response', '2025-03-01T16:59:59.000Z')).toEqual([]);
    expect(
      decideSlaBreach(
        ticket(responded('2025-03-01T17:00:00.000Z')),
        'first_response',
        '2025-03-02T00:00:00Z',
      ),
    ).toEqual([]);
  });

  it('reports a response that came only after the due time (a late timer)', () => {
    expect(
      decideSlaBreach(
        ticket(responded('2025-03-01T18:00:00.000Z')),
        'first_response',
        '2025-03-01T18:05:00Z',
      ),
    ).toEqual(breach('first_response', '2025-03-01T17:00:00.000Z'));
  });

  it('reports a resolution undone by a reopening', () => {
    const reopened = ticket(
      at('2025-03-02T00:00:00.000Z', { type: 'TicketResolved', data: { ...ref, resolution: 'x' } }),
      at('2025-03-03T00:00:00.000Z', { type: 'TicketReopened', data: ref }),
    );
    expect(decideSlaBreach(reopened, 'resolution', '2025-03-04T09:00:00.000Z')).toEqual(
      breach('resolution', '2025-03-04T09:00:00.000Z'),
    );
  });

  it('reports each target once, and nothing for a closed or unknown ticket', () => {
    const reported = ticket(
      at(
        '2025-03-01T17:00:00.000Z',
        breach('first_response', '2025-03-01T17:00:00.000Z')[0] as RecordedEvent,
      ),
    );
    expect(decideSlaBreach(reported, 'first_response', '2025-03-02T00:00:00Z')).toEqual([]);
    const closed = ticket({ type: 'TicketClosed', data: { ...ref, resolvedAtClose: true } });
    expect(decideSlaBreach(closed, 'resolution', '2025-03-05T00:00:00Z')).toEqual([]);
    expect(decideSlaBreach({ status: 'none' }, 'resolution', '2025-03-05T00:00:00Z')).toEqual([]);
  });
});
