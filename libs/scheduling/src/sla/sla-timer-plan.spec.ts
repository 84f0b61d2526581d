import type { RecordedEvent } from '@chronicle/event-store';
import { netChanges, timerChangesFor } from './sla-timer-plan';

const DUE = {
  firstResponseDueAt: '2030-01-01T10:01:00.000Z',
  resolutionDueAt: '2030-01-01T12:00:00.000Z',
};

function recorded(
  type: string,
  data: Record<string, string>,
  recordedAt = '2030-01-01T10:00:00.000Z',
): RecordedEvent {
  return {
    eventId: `${type}-1`,
    type,
    streamId: 'ticket-T:1',
    revision: 0,
    position: '1',
    data: { ticketId: 'T:1', contactId: 'C-1', ...data },
    metadata: { recordedAt },
    storedAt: recordedAt,
    hash: '',
  };
}

const opened = recorded('TicketOpened', DUE);
const noOpening = () => Promise.resolve(undefined);

describe('SLA timer changes', () => {
  it('arms both targets of a ticket opened live, with ids BullMQ accepts', async () => {
    expect(await timerChangesFor(opened, noOpening)).toEqual([
      {
        kind: 'schedule',
        timerId: 'sla.first_response.T~1',
        dueAt: new Date(DUE.firstResponseDueAt),
        payload: { ticketId: 'T:1', target: 'first_response', dueAt: DUE.firstResponseDueAt },
      },
      expect.objectContaining({
        timerId: 'sla.resolution.T~1',
        dueAt: new Date(DUE.resolutionDueAt),
      }),
    ]);
  });

  it('arms no target already due when the ticket was recorded (an import)', async () => {
    const imported = recorded('TicketOpened', DUE, '2030-01-01T11:00:00.000Z');
    expect((await timerChangesFor(imported, noOpening)).map((c) => c.timerId)).toEqual([
      'sla.resolution.T~1',
    ]);
  });

  it('drops what a response, a resolution and a close meet', async () => {
    const ids = async (type: string) =>
      (await timerChangesFor(recorded(type, {}), noOpening)).map((c) => `${c.kind} ${c.timerId}`);
    expect(await ids('TicketResponded')).toEqual(['cancel sla.first_response.T~1']);
    expect(await ids('TicketResolved')).toEqual(['cancel sla.resolution.T~1']);
    expect(await ids('TicketClosed')).toEqual([
      'cancel sla.first_response.T~1',
      'cancel sla.resolution.T~1',
    ]);
    expect(await ids('TicketPriorityChanged')).toEqual([]);
  });

  it('arms the resolution again at the due time fixed at opening when a ticket reopens', async () => {
    const changes = await timerChangesFor(recorded('TicketReopened', {}), () =>
      Promise.resolve(opened),
    );
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'schedule', dueAt: new Date(DUE.resolutionDueAt) }),
    ]);
  });

  it('keeps the last change of each timer in a batch', async () => {
    const changes = [
      ...(await timerChangesFor(opened, noOpening)),
      ...(await timerChangesFor(recorded('TicketClosed', {}), noOpening)),
    ];
    expect(netChanges(changes).map((change) => change.kind)).toEqual(['cancel', 'cancel']);
  });
});
