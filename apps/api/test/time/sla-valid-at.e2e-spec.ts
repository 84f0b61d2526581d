import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { expectedCells, parseCsv } from '../support/csv';

interface Target {
  met: number;
  breached: number;
  pending: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}
interface Figures {
  tickets: number;
  open: number;
  firstResponse: Target;
  resolution: Target;
  satisfaction: { responses: number; average: number | null };
}
type ServiceSla = Figures & {
  byPriority: Array<Figures & { priority: string }>;
  byTeam: Array<Figures & { teamId: string | null }>;
  position: string;
};
interface TicketTarget {
  dueAt: string;
  at: string | null;
  status: string;
}
interface Ticket {
  ticketId: string;
  status: string;
  assigneeId: string | null;
  teamId: string | null;
  firstResponse: TicketTarget;
  resolution: TicketTarget;
  revision: number;
}

const at = (time: string): string => `2025-01-${time}:00.000Z`;
const VALID_AT = '2025-01-11T00:00:00Z';

/**
 * T-1 (high: due 4 h / 24 h by the default policy) opens 01-10 09:00 in TEAM-A, goes to A-1 in
 * TEAM-B at 10:00, is resolved at 20:00 and reopened 01-12 09:00. T-2 (normal: 8 h / 72 h) opens
 * 01-10 11:00, nobody's. Recorded afterwards: a high policy of 1 h / 2 h backdated to 01-01, and
 * T-1's first response at 01-10 12:00 (a backfill).
 */
describe('the service SLA and a ticket as of a business moment', () => {
  let api: ApiHarness;
  let position = '0';
  const send = async (type: string, body: Record<string, unknown>): Promise<void> => {
    position = (await api.accepted(type, body)).position;
  };
  const read = <T>(path: string): Promise<{ status: number; body: T; headers: Headers }> =>
    api.request<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, {
      token: TOKENS.analyst,
    });
  const open = (ticketId: string, priority: string, time: string, teamId?: string) =>
    send('OpenTicket', {
      ticketId,
      contactId: 'C-1',
      subject: `Ticket ${ticketId}`,
      priority,
      channel: 'email',
      ...(teamId && { teamId }),
      occurredAt: at(time),
    });

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      occurredAt: at('01T00:00'),
    });
    await open('T-1', 'high', '10T09:00', 'TEAM-A');
    await send('AssignTicket', {
      ticketId: 'T-1',
      agentId: 'A-1',
      teamId: 'TEAM-B',
      occurredAt: at('10T10:00'),
    });
    await open('T-2', 'normal', '10T11:00');
    await send('ResolveTicket', {
      ticketId: 'T-1',
      resolution: 'Fixed',
      occurredAt: at('10T20:00'),
    });
    await send('ReopenTicket', { ticketId: 'T-1', occurredAt: at('12T09:00') });
  });

  afterAll(() => api.close());

  it('answers as of validAt, and a backfilled response changes that answer', async () => {
    const before = await read<ServiceSla>(`/views/service-sla?validAt=${VALID_AT}`);
    expect(before.status).toBe(200);
    // At 01-11 00:00: T-1 resolved at 20:00 (11 h = 39,600 s ≤ 24 h: met), not yet reopened, never
    // answered and past 13:00 (breached); T-2 not answered past 19:00 (breached), resolution due
    // 01-13 11:00 (pending).
    expect(before.body).toMatchObject({
      tickets: 2,
      open: 1,
      firstResponse: { met: 0, breached: 2, pending: 0, medianSeconds: null },
      resolution: { met: 1, breached: 0, pending: 1, medianSeconds: 39600, p90Seconds: 39600 },
    });
    // The team in charge at validAt: TEAM-B since 10:00.
    expect(before.body.byTeam.map(({ teamId, tickets }) => [teamId, tickets])).toEqual([
      ['TEAM-B', 1],
      [null, 1],
    ]);

    await send('DefineSlaPolicy', {
      priority: 'high',
      firstResponseSeconds: 3600,
      resolutionSeconds: 7200,
      occurredAt: at('01T00:00'),
    });
    await send('RespondToTicket', { ticketId: 'T-1', agentId: 'A-1', occurredAt: at('10T12:00') });

    const after = await read<ServiceSla>(`/views/service-sla?validAt=${VALID_AT}`);
    // T-1 answered at 12:00: 3 h = 10,800 s, before its 13:00 due time, which the later-recorded
    // policy does not move (due times are fixed when the ticket opened).
    expect(after.body.firstResponse).toEqual({
      met: 1,
      breached: 1,
      pending: 0,
      medianSeconds: 10800,
      p90Seconds: 10800,
    });
    expect(after.body.resolution).toEqual(before.body.resolution);
    const teamB = await read<ServiceSla>(`/views/service-sla?validAt=${VALID_AT}&teamId=TEAM-B`);
    expect(teamB.body).toMatchObject({ tickets: 1, firstResponse: { met: 1 } });
    const teamAEarlier = await read<ServiceSla>(
      '/views/service-sla?validAt=2025-01-10T09:30:00Z&teamId=TEAM-A',
    );
    expect(teamAEarlier.body).toMatchObject({ tickets: 1, open: 1, firstResponse: { pending: 1 } });

    // Live, T-1 is open again: both resolutions (due 01-11 09:00 and 01-13 11:00) are breached.
    const live = await read<ServiceSla>('/views/service-sla');
    expect(live.body).toMatchObject({ tickets: 2, open: 2, resolution: { met: 0, breached: 2 } });
  });

  it('shows one ticket as it stood then, and none before its opening', async () => {
    const asOf = await read<Ticket>(`/views/tickets/T-1?validAt=${VALID_AT}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({
      ticketId: 'T-1',
      status: 'resolved',
      assigneeId: 'A-1',
      teamId: 'TEAM-B',
      firstResponse: { dueAt: at('10T13:00'), at: at('10T12:00'), status: 'met' },
      resolution: { dueAt: at('11T09:00'), at: at('10T20:00'), status: 'met' },
    });
    const live = await read<Ticket>('/views/tickets/T-1');
    expect(live.body).toMatchObject({
      status: 'responded', // the response, recorded after the reopening, is its latest step
      resolution: { at: null, status: 'breached' },
    });
    // The revision and ETag are the stream's, as recorded now: what If-Match is checked against.
    expect(asOf.body.revision).toBe(live.body.revision);
    expect(asOf.headers.get('etag')).toBe(live.headers.get('etag'));

    const notYetOpened = await read<{ code: string }>(
      '/views/tickets/T-2?validAt=2025-01-10T10:59:59.999Z',
    );
    expect(notYetOpened.status).toBe(404);
    expect(notYetOpened.body.code).toBe('NOT_FOUND');
    const atOpening = await read<Ticket>('/views/tickets/T-2?validAt=2025-01-10T11:00:00Z');
    expect(atOpening.body).toMatchObject({ status: 'open', firstResponse: { status: 'pending' } });

    // A ticket opened after the backdated policy was recorded gets its targets: 1 h / 2 h.
    await open('T-3', 'high', '11T06:00');
    const third = await read<Ticket>('/views/tickets/T-3?validAt=2025-01-11T06:30:00Z');
    expect(third.body).toMatchObject({
      firstResponse: { dueAt: at('11T07:00'), status: 'pending' },
      resolution: { dueAt: at('11T08:00'), status: 'pending' },
    });
  });

  it.each(['2025-02-31', 'yesterday'])(
    'refuses validAt=%s with 400 naming validAt, and answers as before after it',
    async (bad) => {
      const asked = `/views/service-sla?validAt=${VALID_AT}`;
      const first = await read<ServiceSla>(asked);
      for (const path of ['/views/service-sla', '/views/tickets/T-1']) {
        const response = await read<{ code: string; details: Array<{ field: string }> }>(
          `${path}?validAt=${bad}`,
        );
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.map(({ field }) => field)).toContain('validAt');
      }
      expect((await read<ServiceSla>(asked)).body).toEqual(first.body);
    },
  );

  it('answers text/csv as of the moment too', async () => {
    const url = `/views/service-sla?validAt=${VALID_AT}&minPosition=${position}`;
    const json = await api.request<ServiceSla>(url, { token: TOKENS.analyst });
    const response = await fetch(`${api.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await response.text());
    const { byPriority, byTeam, position: _position, ...all } = json.body;
    expect(rows.find((row) => row.section === 'all')).toMatchObject(expectedCells(all));
    for (const group of byPriority) {
      expect(rows.filter((row) => row.section === 'priority')).toContainEqual(
        expect.objectContaining(expectedCells(group)),
      );
    }
    for (const group of byTeam) {
      expect(rows.filter((row) => row.section === 'team')).toContainEqual(
        expect.objectContaining(expectedCells(group)),
      );
    }
    // The as-of figures, not the live ones: T-1 was resolved then.
    expect(rows.find((row) => row.section === 'all')).toMatchObject({ open: '1' });
  });
});
