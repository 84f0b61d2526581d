import { personalDataSubject, personalFields } from './personal-data';

describe('personalFields', () => {
  it('marks identity fields and free text, leaving ids and business facts in clear', () => {
    expect(personalFields['ContactRegistered']).toEqual(
      expect.arrayContaining([
        'firstName',
        'email',
        'phone',
        'birthDate',
        'address',
        'socialProfiles',
      ]),
    );
    expect(personalFields['ContactRegistered']).not.toContain('contactId');
    expect(personalFields['TicketOpened']).toEqual(['subject', 'description']);
    expect(personalFields['SurveyResponseRecorded']).toEqual(['answers']);
    expect(personalFields['DealWon']).toBeUndefined();
  });
});

describe('personalDataSubject', () => {
  it("is the event's contact when the event holds personal fields", () => {
    expect(
      personalDataSubject({
        type: 'TicketResponded',
        data: { ticketId: 'T1', contactId: 'C1', message: 'hi' },
      }),
    ).toBe('C1');
    expect(
      personalDataSubject({
        type: 'ContactDetailsUpdated',
        data: { contactId: 'C2', email: 'x@y.z' },
      }),
    ).toBe('C2');
  });

  it('is undefined for events without personal fields or without a contact', () => {
    expect(
      personalDataSubject({ type: 'DealWon', data: { dealId: 'D1', contactId: 'C1' } }),
    ).toBeUndefined();
    expect(
      personalDataSubject({ type: 'InteractionLogged', data: { interactionId: 'I1' } }),
    ).toBeUndefined();
  });
});
