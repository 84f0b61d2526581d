import { join } from 'node:path';
import { TOKENS } from '../../../src/commands/testing/api-harness';
import { CONTRACT_STATUS_BY_CODE } from '../support/contract-errors';
import { immutableUnsupported, setImmutable } from './support/immutable-files';
import { type Answer, OutageApi } from './support/outage-api';

const unsupported = immutableUnsupported();

if (unsupported) {
  console.warn(`Read-only event store test skipped: ${unsupported}`);
  describe.skip('the event store file made read-only', () => {
    it(`skipped: ${unsupported}`, () => undefined);
  });
} else {
  describe('the event store file made read-only', () => {
    let api: OutageApi;
    let storeFiles: string[];
    let locked = false;

    const lock = (immutable: boolean) => {
      setImmutable(storeFiles, immutable);
      locked = immutable;
    };

    beforeAll(async () => {
      api = await OutageApi.start();
      // WAL mode: commits go to the -wal file, checkpoints to the main file; both are locked.
      storeFiles = ['events.sqlite', 'events.sqlite-wal'].map((file) => join(api.dataDir, file));
      await api.accepted('RegisterContact', { contactId: 'C-1', email: 'c1@example.com' });
      await api.accepted('OpenTicket', ticket('T-1'));
    });

    afterAll(async () => {
      // Never leave an immutable file behind: nothing, not even root, could delete it.
      if (locked) lock(false);
      await api?.close();
    });

    const ticket = (ticketId: string) => ({
      ticketId,
      contactId: 'C-1',
      subject: 'Invoice missing',
      priority: 'normal',
      channel: 'email',
    });
    // Two with an Idempotency-Key (one also with If-Match), one without.
    const commands = [
      { type: 'AssignTicket', body: { ticketId: 'T-1', agentId: 'A-1' }, key: 'assign-T-1' },
      { type: 'RegisterContact', body: { contactId: 'C-2', phone: '+4930123456' }, key: 'reg-C-2' },
      { type: 'OpenTicket', body: ticket('T-2') },
    ];
    const send = ({ type, body, key }: (typeof commands)[number]) =>
      api.send(type, body, {
        ...(key && { 'Idempotency-Key': key }),
        ...(type === 'AssignTicket' && { 'If-Match': '0' }),
      });

    it('answers 503 UNAVAILABLE, appends nothing, and takes the same commands once writable again', async () => {
      const headBefore = await api.headPosition();
      const t1Before = await api.events('ticket-T-1');

      lock(true);
      // At once, so they share group commits: a failed commit must fail every append in it.
      const refused = await Promise.all(commands.map(send));
      const again = await send(commands[0]!);

      for (const answer of [...refused, again]) expectUnavailable(answer);
      expect(await api.headPosition()).toBe(headBefore);
      expect(await api.events('ticket-T-1')).toEqual(t1Before);
      expect(await api.events('contact-C-2')).toEqual([]);
      expect(await api.events('ticket-T-2')).toEqual([]);

      lock(false);
      // The same process, no restart: the retries are taken, each appended once.
      const taken: Answer[] = [];
      for (const command of commands) taken.push(await send(command));
      expect(taken.map((answer) => answer.status)).toEqual([201, 201, 201]);
      expect(taken[0]!.body).toMatchObject({ commandId: 'assign-T-1', revision: 1 });
      const head = await api.headPosition();
      expect(BigInt(head)).toBe(BigInt(headBefore) + 3n);

      // Sent a third time, the keyed ones answer as the first success did and append nothing.
      const replayed = [await send(commands[0]!), await send(commands[1]!)];
      expect(replayed).toEqual([taken[0], taken[1]]);
      expect(await api.headPosition()).toBe(head);
      expect((await api.events('ticket-T-1')).map((event) => event.type)).toEqual([
        'TicketOpened',
        'TicketAssigned',
      ]);

      const view = await api.request(`/views/tickets/T-1?minPosition=${head}`, TOKENS.analyst);
      expect(view).toMatchObject({ status: 200, body: { assigneeId: 'A-1', position: head } });
    });
  });
}

function expectUnavailable(answer: Answer): void {
  const { statusCode, code, message } = answer.body;
  expect({ status: answer.status, statusCode, code }).toEqual({
    status: 503,
    statusCode: 503,
    code: 'UNAVAILABLE',
  });
  expect(CONTRACT_STATUS_BY_CODE[code as string]).toBe(503);
  expect(message).toMatch(/nothing was written/);
}
