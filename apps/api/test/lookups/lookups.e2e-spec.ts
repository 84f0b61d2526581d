import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';

interface ContactItem {
  contactId: string;
  email: unknown;
  phone: unknown;
  revision: number;
}

interface ContactList {
  contacts: ContactItem[];
  next: string | null;
  position: string;
}

describe('lookups and current revisions', () => {
  let api: ApiHarness;
  let head = '0';

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(() => api.close());

  async function command(type: string, body: unknown, headers: Record<string, string> = {}) {
    const token = type === 'EraseContactPersonalData' ? TOKENS.admin : TOKENS.service;
    const answer = await api.send<{ position: string; revision: number }>(type, body, {
      token,
      headers,
    });
    if (answer.status === 201 && BigInt(answer.body.position) > BigInt(head)) {
      head = answer.body.position;
    }
    return answer;
  }

  async function accepted(type: string, body: unknown): Promise<void> {
    const { status, body: answer } = await command(type, body);
    if (status !== 201) throw new Error(`${type} answered ${status}: ${JSON.stringify(answer)}`);
  }

  const read = <T>(path: string, token: string = TOKENS.service) =>
    api.request<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`, { token });

  const contactIds = async (query: string) =>
    (await read<ContactList>(`/views/contacts${query}`)).body.contacts.map((c) => c.contactId);

  describe('/views/contacts', () => {
    beforeAll(async () => {
      await accepted('RegisterContact', {
        contactId: 'C-L1',
        firstName: 'Ada',
        email: 'Ada.L@Example.com',
        phone: '+1 (555) 010-2008',
        ownerId: 'U-1',
      });
      await accepted('RegisterContact', { contactId: 'C-L2', email: 'kept@x.io', ownerId: 'U-1' });
      await accepted('RegisterContact', { contactId: 'C-L3', email: 'gone@x.io', ownerId: 'U-1' });
      await accepted('RegisterContact', { contactId: 'C-L4', email: 'dup@x.io', ownerId: 'U-1' });
      await accepted('EraseContactPersonalData', { contactId: 'C-L3', reason: 'asked' });
      await accepted('MergeContacts', { survivorContactId: 'C-L2', duplicateContactId: 'C-L4' });
    });

    it('finds a contact by e-mail and phone, normalised as duplicate detection does', async () => {
      const { status, body } = await read<ContactList>('/views/contacts?email= ada.l@example.COM');
      expect(status).toBe(200);
      expect(body.contacts).toEqual([
        {
          contactId: 'C-L1',
          firstName: 'Ada',
          lastName: null,
          email: 'Ada.L@Example.com',
          phone: '+1 (555) 010-2008',
          lifecycleStage: 'lead',
          leadStatus: 'new',
          ownerId: 'U-1',
          revision: 0,
        },
      ]);
      expect(await contactIds(`?phone=${encodeURIComponent('+15550102008')}`)).toEqual(['C-L1']);
      expect(await contactIds('?phone=0015550102008&email=ada.l@example.com')).toEqual(['C-L1']);
      expect(await contactIds('?phone=0015550102008&email=kept@x.io')).toEqual([]);
    });

    it('never finds an erased or merged-away contact by its old identifiers', async () => {
      expect(await contactIds('?email=gone@x.io')).toEqual([]);
      expect(await contactIds('?email=dup@x.io')).toEqual([]);
      expect(await contactIds('?ownerId=U-1')).toEqual(['C-L1', 'C-L2', 'C-L3']);
      const erased = (await read<ContactList>('/views/contacts?ownerId=U-1')).body.contacts[2];
      expect(erased).toMatchObject({ contactId: 'C-L3', email: '[erased]' });
    });

    it('pages with a cursor that only its own query accepts', async () => {
      for (const n of [1, 2, 3, 4, 5]) {
        await accepted('RegisterContact', { contactId: `C-P${n}`, firstName: 'P', ownerId: 'U-P' });
      }
      const seen: string[] = [];
      let cursor: string | null = '';
      const cursors: string[] = [];
      while (cursor !== null) {
        const { body }: { body: ContactList } = await read<ContactList>(
          `/views/contacts?ownerId=U-P&limit=2&cursor=${encodeURIComponent(cursor)}`,
        );
        seen.push(...body.contacts.map((c) => c.contactId));
        cursor = body.next;
        if (cursor) cursors.push(cursor);
      }
      expect(seen).toEqual(['C-P1', 'C-P2', 'C-P3', 'C-P4', 'C-P5']);
      const [first] = cursors;
      const tampered = `${Buffer.from('C-P4').toString('base64url')}.${first!.split('.')[1]}`;
      for (const query of [
        `?ownerId=U-1&limit=2&cursor=${first}`,
        `?limit=2&cursor=${first}`,
        `?ownerId=U-P&limit=2&cursor=${tampered}`,
        '?ownerId=U-P&cursor=made-up',
      ]) {
        const { status, body } = await read(`/views/contacts${query}`);
        expect({ query, status, body }).toMatchObject({
          status: 400,
          body: { code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] },
        });
      }
    });

    it.each([
      ['limit', '?limit=0'],
      ['limit', '?limit=501'],
      ['lifecycleStage', '?lifecycleStage=Lead'],
      ['leadStatus', '?leadStatus=lost'],
      ['mail', '?mail=a@b.c'],
    ])('refuses a bad %s with 400', async (field, query) => {
      const { status, body } = await api.request(`/views/contacts${query}`, {
        token: TOKENS.service,
      });
      expect([status, body]).toMatchObject([400, { details: [{ field }] }]);
    });
  });

  describe('revisions', () => {
    beforeAll(async () => {
      await accepted('RegisterContact', { contactId: 'C-R1', firstName: 'Rev' });
      await accepted('OpenDeal', {
        dealId: 'D-R1',
        contactId: 'C-R1',
        name: 'Renewal',
        amount: 500,
        currency: 'EUR',
        stage: 'demo',
        channel: 'partner',
        ownerId: 'U-9',
        campaignId: 'CMP-R',
      });
      await accepted('OpenTicket', {
        ticketId: 'T-R1',
        contactId: 'C-R1',
        subject: 'Hello',
        priority: 'urgent',
        channel: 'phone',
        teamId: 'TEAM-1',
      });
    });

    /** Reads the view, then sends `type` with If-Match set to the ETag it answered. */
    async function roundTrip(path: string, type: string, payload: unknown) {
      const view = await read<{ revision: number }>(path);
      const etag = view.headers.get('etag');
      expect(etag).toBe(`"${view.body.revision}"`);
      const fresh = await command(type, payload, { 'If-Match': String(view.body.revision) });
      const stale = await command(type, payload, { 'If-Match': String(view.body.revision) });
      return { view, fresh, stale };
    }

    it('answers a deal with its revision and an ETag that If-Match accepts', async () => {
      const { view, fresh, stale } = await roundTrip('/views/deals/D-R1', 'AdvanceDealStage', {
        dealId: 'D-R1',
        stage: 'proposal',
      });
      expect(view.body).toEqual({
        dealId: 'D-R1',
        contactId: 'C-R1',
        name: 'Renewal',
        stage: 'demo',
        status: 'open',
        amount: 500,
        currency: 'EUR',
        probability: null,
        ownerId: 'U-9',
        teamId: null,
        channel: 'partner',
        product: null,
        campaignId: 'CMP-R',
        openedAt: expect.any(String) as unknown,
        closedAt: null,
        revision: 0,
        position: expect.any(String) as unknown,
      });
      expect([fresh.status, stale.status]).toEqual([201, 409]);
      expect(stale.body).toMatchObject({
        details: { streamId: 'deal-D-R1', expectedRevision: 0, actualRevision: 1 },
      });
      const after = await read<{ revision: number; stage: string }>('/views/deals/D-R1');
      expect([after.body.revision, after.body.stage, after.headers.get('etag')]).toEqual([
        1,
        'proposal',
        '"1"',
      ]);
    });

    it('answers a ticket and a customer with their stream revisions, even to If-None-Match', async () => {
      const ticket = await roundTrip('/views/tickets/T-R1', 'AssignTicket', {
        ticketId: 'T-R1',
        agentId: 'A-1',
      });
      expect(ticket.view.body).toMatchObject({ ticketId: 'T-R1', contactId: 'C-R1', revision: 0 });
      expect([ticket.fresh.status, ticket.stale.status]).toEqual([201, 409]);
      const customer = await roundTrip('/views/customers/C-R1', 'AssignContactOwner', {
        contactId: 'C-R1',
        ownerId: 'U-2',
      });
      expect(customer.view.body).toMatchObject({ contactId: 'C-R1', revision: 0 });
      expect([customer.fresh.status, customer.stale.status]).toEqual([201, 409]);
      const conditional = await api.request('/views/tickets/T-R1', {
        token: TOKENS.service,
        headers: { 'If-None-Match': '"1"' },
      });
      expect(conditional.status).toBe(200);
    });

    it('lists deals and tickets by contact, status, owner, agent and team', async () => {
      const deals = await read<{ deals: Array<{ dealId: string }> }>(
        '/views/deals?contactId=C-R1&status=open&ownerId=U-9',
      );
      expect(deals.body.deals.map((deal) => deal.dealId)).toEqual(['D-R1']);
      const tickets = await read<{ tickets: Array<{ ticketId: string; revision: number }> }>(
        '/views/tickets?contactId=C-R1&status=assigned&agentId=A-1&teamId=TEAM-1',
      );
      expect(tickets.body.tickets.map(({ ticketId, revision }) => [ticketId, revision])).toEqual([
        ['T-R1', 1],
      ]);
      const none = await read<{ tickets: unknown[]; next: null }>('/views/tickets?status=closed');
      expect(none.body).toMatchObject({ tickets: [], next: null });
    });
  });

  it('lets services read the lookups and entity views, and only analysts the aggregates', async () => {
    const status = async (path: string, token: string) =>
      (await api.request(path, { token })).status;
    expect(await status('/views/contacts', TOKENS.service)).toBe(200);
    expect(await status('/views/deals', TOKENS.service)).toBe(200);
    expect(await status('/views/tickets', TOKENS.analyst)).toBe(200);
    expect(await status('/views/contacts', TOKENS.auditor)).toBe(403);
    expect(await status('/views/pipeline', TOKENS.service)).toBe(403);
    expect(await status('/views/service-sla', TOKENS.service)).toBe(403);
  });
});
