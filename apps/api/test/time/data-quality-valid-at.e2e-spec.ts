import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { expectedCells, parseCsv } from '../support/csv';

interface DataQuality {
  contacts: number;
  missing: { name: number; email: number; phone: number; owner: number };
  duplicatesSuspected: { open: number; contacts: number };
  stale: number;
  erased: number;
  merged: number;
  position: string;
}

const at = (day: string): string => `2025-01-${day}T00:00:00.000Z`;

/**
 * D-1 registers 01-01 with a first name and an e-mail; D-3 on 01-02 with a phone and an owner;
 * D-2 on 01-03 with a last name and D-1's e-mail, so it is suspected a duplicate of D-1.
 * Recorded afterwards: D-1's phone, given on 01-02 (a backfill); D-2 merged into D-1 on 01-06;
 * D-3 erased on 01-08.
 */
describe('data quality as of a business moment', () => {
  let api: ApiHarness;
  let position = '0';
  const send = async (type: string, body: Record<string, unknown>, token?: string) => {
    position = (await api.accepted(type, body, { token })).position;
  };
  const read = <T = DataQuality>(query: string) =>
    api.request<T>(`/views/data-quality?${query}&minPosition=${position}`, {
      token: TOKENS.analyst,
    });
  const asOf = async (validAt: string, staleDays = 365) =>
    (await read(`validAt=${validAt}&staleDays=${staleDays}`)).body;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await send('RegisterContact', {
      contactId: 'D-1',
      firstName: 'Ada',
      email: 'ada@example.com',
      occurredAt: at('01'),
    });
    await send('RegisterContact', {
      contactId: 'D-3',
      phone: '+15550100',
      ownerId: 'U-1',
      occurredAt: at('02'),
    });
    await send('RegisterContact', {
      contactId: 'D-2',
      lastName: 'Bo',
      email: 'ada@example.com',
      occurredAt: at('03'),
    });
  });
  afterAll(() => api.close());

  it('answers as of validAt, and a backfill recorded later changes that answer', async () => {
    const noon = '2025-01-02T12:00:00Z';
    expect(await asOf(noon)).toEqual({
      contacts: 2, // D-1 and D-3; D-2 registers on 01-03
      missing: { name: 1, email: 1, phone: 1, owner: 1 }, // D-3 no name nor e-mail; D-1 no phone nor owner
      duplicatesSuspected: { open: 0, contacts: 0 },
      stale: 0,
      erased: 0,
      merged: 0,
      position,
    });

    await send('UpdateContactDetails', {
      contactId: 'D-1',
      phone: '+15550199',
      occurredAt: at('02'),
    });
    // D-1 had a phone since 01-02 midnight, recorded only now.
    expect((await asOf(noon)).missing).toEqual({ name: 1, email: 1, phone: 0, owner: 1 });
    // …but not a millisecond before.
    expect((await asOf('2025-01-01T23:59:59.999Z')).missing.phone).toBe(1);
    // D-2's suspicion of 01-03 is open on 01-05, between two live contacts.
    expect((await asOf('2025-01-05T00:00:00Z')).duplicatesSuspected).toEqual({
      open: 1,
      contacts: 2,
    });
  });

  it('counts merges, erasures and staleness as of validAt', async () => {
    await send('MergeContacts', {
      survivorContactId: 'D-1',
      duplicateContactId: 'D-2',
      occurredAt: at('06'),
    });
    await send(
      'EraseContactPersonalData',
      { contactId: 'D-3', reason: 'request', occurredAt: at('08') },
      TOKENS.admin,
    );

    // On 01-07: the merge of 01-06 settled the suspicion; D-3 is not erased yet.
    expect(await asOf('2025-01-07T00:00:00Z')).toMatchObject({
      contacts: 2,
      duplicatesSuspected: { open: 0, contacts: 0 },
      erased: 0,
      merged: 1,
    });
    // On 01-20, ten days without activity: D-1's last event is the merge of 01-06, so it is stale;
    // on 01-10 it was not yet.
    expect(await asOf('2025-01-20T00:00:00Z', 10)).toMatchObject({
      contacts: 1,
      stale: 1,
      erased: 1,
    });
    expect((await asOf('2025-01-10T00:00:00Z', 10)).stale).toBe(0);
    // Live, judged today: D-1 has been idle for far more than ten days.
    expect((await read('staleDays=10')).body).toMatchObject({ contacts: 1, stale: 1, merged: 1 });
  });

  it.each(['2025-02-31', 'yesterday'])(
    'refuses validAt=%s with 400 naming validAt, and answers as before after it',
    async (bad) => {
      const first = await read('validAt=2025-01-05T00:00:00Z');
      const response = await read<{ code: string; details: Array<{ field: string }> }>(
        `validAt=${bad}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map(({ field }) => field)).toContain('validAt');
      expect((await read('validAt=2025-01-05T00:00:00Z')).body).toEqual(first.body);
    },
  );

  it('answers text/csv as of the moment too', async () => {
    const url = `/views/data-quality?validAt=2025-01-02T12:00:00Z&minPosition=${position}`;
    const json = await api.request<DataQuality>(url, { token: TOKENS.analyst });
    const response = await fetch(`${api.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await response.text());
    const { position: _position, ...figures } = json.body;
    expect(rows).toEqual([expect.objectContaining(expectedCells(figures))]);
    // The as-of figures, not the live ones: two contacts then, one now.
    expect(rows[0]).toMatchObject({ contacts: '2', 'missing.phone': '0' });
  });
});
