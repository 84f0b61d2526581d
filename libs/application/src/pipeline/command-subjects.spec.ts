import { exampleCommandPayloads as examples } from '../commands/command-examples';
import { commandSubjects } from './command-subjects';

describe('commandSubjects', () => {
  it('names the contact of events with personal fields', () => {
    const responded = { type: 'TicketResponded', data: { contactId: 'C-1', message: 'hi' } };
    expect([...commandSubjects({ ticketId: 'T-1' }, {}, [responded])]).toEqual(['C-1']);
  });

  it('names the target’s contact of a repeat that decided nothing but carried personal data', () => {
    const state = { contactId: 'C-1', status: 'open' };
    expect([...commandSubjects({ ticketId: 'T-1', message: 'hi' }, state, [])]).toEqual(['C-1']);
  });

  it('names nobody for commands without personal data, an erasure included', () => {
    const erased = {
      type: 'ContactPersonalDataErased',
      data: { contactId: 'C-1', reason: 'r', erasedSubjects: ['C-1'] },
    };
    expect(commandSubjects(examples.EraseContactPersonalData, {}, [erased]).size).toBe(0);
    expect(commandSubjects(examples.RecordConsent, { contactId: 'C-1' }, []).size).toBe(0);
  });
});
