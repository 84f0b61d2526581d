import type { ReadStore } from '@chronicle/read-store';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { type DataQualityReadModel, queryDataQuality } from './query-data-quality';
import { projectQuality, qualityHistory } from './testing/quality-events';

const at = (day: string, time = '00:00:00') => `2025-${day}T${time}.000Z`;
const NOW = at('06-30', '12:00:00');

/**
 * Nine contacts (business times in 2025), the view asked on 06-30 at noon:
 * - A: first name, e-mail, phone, owner; an interaction on 06-10; F and G are merged into it.
 * - B: last name and e-mail only; a deal opened on 05-31 at 06:00 is its latest activity.
 * - C: phone and a blank e-mail, owner; a ticket opened on 05-31 at 18:00.
 * - D: first name and e-mail; the e-mail cleared on 02-01; an owner assigned on 02-02.
 * - E: complete; suspected a duplicate of A on 01-05; erased on 03-01.
 * - F: suspected a duplicate of D on 01-06; merged into A (not D) on 06-20.
 * - G: suspected a duplicate of A on 01-07; merged into A on 06-21, which settles that pair.
 * - H and I: registered 01-08; H merged into I on 01-10; H's deal won on 06-15.
 */
async function nineContacts() {
  const history = qualityHistory();
  const { event } = history;
  const register = (contactId: string, day: string, details: Record<string, string>) =>
    event('ContactRegistered', at(day), {
      contactId,
      lifecycleStage: 'lead',
      leadStatus: 'new',
      ...details,
    });
  const suspect = (contactId: string, duplicateOfContactId: string, day: string) =>
    event('DuplicateSuspected', at(day), { contactId, duplicateOfContactId, matchedOn: 'email' });
  await register('A', '01-01', {
    firstName: 'Ada',
    email: 'ada@example.com',
    phone: '+15550100',
    ownerId: 'U1',
  });
  await register('B', '01-02', { lastName: 'Bo', email: 'bo@example.com' });
  await register('C', '01-03', { phone: '+15550101', email: '   ', ownerId: 'U1' });
  await register('D', '01-04', { firstName: 'Dee', email: 'dee@example.com' });
  await register('E', '01-05', {
    firstName: 'Eve',
    email: 'ada@example.com',
    phone: '+15550102',
    ownerId: 'U2',
  });
  await suspect('E', 'A', '01-05');
  await register('F', '01-06', { firstName: 'Fay', email: 'dee@example.com', ownerId: 'U2' });
  await suspect('F', 'D', '01-06');
  await register('G', '01-07', { lastName: 'Gee', email: 'ada@example.com', ownerId: 'U2' });
  await suspect('G', 'A', '01-07');
  await register('H', '01-08', { firstName: 'Hal', email: 'hal@example.com', ownerId: 'U3' });
  await register('I', '01-08', { firstName: 'Ian', email: 'ian@example.com', phone: '+1555' });
  await event('ContactOwnerAssigned', at('01-09'), { contactId: 'I', ownerId: 'U3' });
  await history.merge('I', 'H', at('01-10'));
  await event('ContactDetailsUpdated', at('02-01'), { contactId: 'D', email: null });
  await event('ContactOwnerAssigned', at('02-02'), { contactId: 'D', ownerId: 'U1' });
  await event('ContactPersonalDataErased', at('03-01'), {
    contactId: 'E',
    reason: 'request',
    erasedSubjects: ['E'],
  });
  await event('DealOpened', at('05-31', '06:00:00'), {
    dealId: 'DB',
    contactId: 'B',
    name: 'b',
    amount: 1,
    currency: 'EUR',
    stage: 'new',
    channel: 'online',
    ownerId: 'U1',
  });
  await event('TicketOpened', at('05-31', '18:00:00'), {
    ticketId: 'TC',
    contactId: 'C',
    priority: 'normal',
    channel: 'email',
  });
  await event('InteractionLogged', at('06-10'), {
    interactionId: 'IA',
    contactId: 'A',
    kind: 'call',
  });
  await event('DealWon', at('06-15'), {
    dealId: 'DH',
    contactId: 'H',
    amount: 5,
    currency: 'EUR',
    previousAmount: 5,
  });
  await history.merge('A', 'F', at('06-20'));
  await history.merge('A', 'G', at('06-21'));
  return history;
}

describe('GET /views/data-quality', () => {
  let readStore: ReadStore;
  let model: DataQualityReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    const history = await nineContacts();
    model = await projectQuality(readStore, history.cipher, history.events);
  });

  afterEach(() => readStore.close());

  it('counts live contacts, what they miss, open suspicions, stale, erased and merged', async () => {
    expect(await queryDataQuality(model, 30, NOW)).toEqual({
      contacts: 5, // A, B, C, D, I
      missing: {
        name: 1, // C
        email: 2, // C's is blank, D's was cleared
        phone: 2, // B, D
        owner: 1, // B
      },
      // E–A (E erased since) and F–D (F merged into A, not D); G–A was settled by their merge.
      duplicatesSuspected: { open: 2, contacts: 2 }, // A and D are live
      // Cut-off 05-31 noon: B (05-31 06:00) and D (02-02); C's ticket came after the cut-off,
      // and I's latest activity is H's deal of 06-15: H's streams are I's since the merge.
      stale: 2,
      erased: 1, // E
      merged: 3, // F, G, H
      position: '26',
    });
  });

  it('judges staleness by the days asked', async () => {
    expect((await queryDataQuality(model, 365, NOW)).stale).toBe(0);
    // A day before noon on 06-30: even A (last merged into on 06-21) is stale.
    expect((await queryDataQuality(model, 1, NOW)).stale).toBe(5);
    // Cut-off 05-31 noon: B (05-31 06:00) and D are before it, C (18:00 that day) is not.
    expect((await queryDataQuality(model, 1, at('06-01', '12:00:00'))).stale).toBe(2);
  });

  it('answers zeros before any contact', async () => {
    await readStore.dropByPrefix('data-quality.');
    const empty = await projectQuality(readStore, qualityHistory().cipher, []);
    expect(await queryDataQuality(empty, 365, NOW)).toEqual({
      contacts: 0,
      missing: { name: 0, email: 0, phone: 0, owner: 0 },
      duplicatesSuspected: { open: 0, contacts: 0 },
      stale: 0,
      erased: 0,
      merged: 0,
      position: '0',
    });
  });
});
