import { qualityHistory } from './quality-events';

export const at = (day: string, time = '00:00:00') => `2025-${day}T${time}.000Z`;

/**
 * Nine contacts (business times in 2025), recorded in business-time order:
 * - A: first name, e-mail, phone, owner; an interaction on 06-10; F and G are merged into it.
 * - B: last name and e-mail only; a deal opened on 05-31 at 06:00 is its latest activity.
 * - C: phone and a blank e-mail, owner; a ticket opened on 05-31 at 18:00.
 * - D: first name and e-mail; the e-mail cleared on 02-01; an owner assigned on 02-02.
 * - E: complete; suspected a duplicate of A on 01-05; erased on 03-01.
 * - F: suspected a duplicate of D on 01-06; merged into A (not D) on 06-20.
 * - G: suspected a duplicate of A on 01-07; merged into A on 06-21, which settles that pair.
 * - H and I: registered 01-08; H merged into I on 01-10; H's deal won on 06-15.
 */
export async function nineContacts() {
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
