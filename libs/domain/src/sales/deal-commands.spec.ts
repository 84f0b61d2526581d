import { contactRegistered, dealOpened } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';

const contact = { 'contact-C1': [contactRegistered('C1')] };
const openPayload = {
  dealId: 'D1',
  contactId: 'C1',
  name: 'Renewal',
  amount: 5000,
  currency: 'EUR',
  stage: 'prospecting',
  channel: 'online',
  ownerId: 'U1',
};
const openDeal = (...more: RecordedEvent[]) => ({
  ...contact,
  'deal-D1': [dealOpened('D1'), ...more],
});
const won: RecordedEvent = {
  type: 'DealWon',
  data: { dealId: 'D1', contactId: 'C1', amount: 5000, currency: 'EUR', previousAmount: 5000 },
};
const lost: RecordedEvent = { type: 'DealLost', data: { dealId: 'D1', contactId: 'C1' } };

describe('OpenDeal', () => {
  it('opens a deal for a known contact', () => {
    given(contact)
      .when('OpenDeal', openPayload)
      .thenEmits([dealOpened('D1')]);
  });

  it('opens a deal without a contact', () => {
    const { contactId: _none, ...withoutContact } = openPayload;
    given()
      .when('OpenDeal', { ...withoutContact, accountId: 'A1' })
      .thenEmits([dealOpened('D1', { contactId: undefined, accountId: 'A1' })]);
  });

  it('is NOT_FOUND for an unknown contact and refuses a merged-away one', () => {
    given()
      .when('OpenDeal', openPayload)
      .thenFails('NOT_FOUND', /Contact C1/);
    given({
      'contact-C1': [
        contactRegistered('C1'),
        {
          type: 'ContactsMerged',
          data: { contactId: 'C1', survivorContactId: 'C9', duplicateContactId: 'C1' },
        },
      ],
    })
      .when('OpenDeal', openPayload)
      .thenFails('RULE_VIOLATED', /merged into contact C9/);
  });

  it.each(['won', 'Lost', ' WON '])('refuses the reserved stage name %p', (stage) => {
    given(contact)
      .when('OpenDeal', { ...openPayload, stage })
      .thenFails('RULE_VIOLATED', /reserved/);
  });

  it('treats the same deal again as a repeat and a different one as ALREADY_EXISTS', () => {
    given(openDeal()).when('OpenDeal', openPayload).thenEmits([]);
    given(openDeal())
      .when('OpenDeal', { ...openPayload, amount: 6000 })
      .thenFails('ALREADY_EXISTS');
  });

  it('refuses even a repeat on a closed deal', () => {
    given(openDeal(won))
      .when('OpenDeal', openPayload)
      .thenFails('RULE_VIOLATED', /is won/);
  });
});

describe('AdvanceDealStage', () => {
  it('moves to any free-text stage, naming the one left', () => {
    given(openDeal())
      .when('AdvanceDealStage', { dealId: 'D1', stage: 'negotiation', probability: 0.6 })
      .thenEmits([
        {
          type: 'DealStageAdvanced',
          data: {
            dealId: 'D1',
            contactId: 'C1',
            stage: 'negotiation',
            previousStage: 'prospecting',
            probability: 0.6,
          },
        },
      ]);
  });

  it('updates only the probability within the same stage, and nothing when nothing changes', () => {
    given(openDeal())
      .when('AdvanceDealStage', { dealId: 'D1', stage: 'prospecting', probability: 0.2 })
      .thenEmits([
        {
          type: 'DealStageAdvanced',
          data: {
            dealId: 'D1',
            contactId: 'C1',
            stage: 'prospecting',
            previousStage: 'prospecting',
            probability: 0.2,
          },
        },
      ]);
    given(openDeal())
      .when('AdvanceDealStage', { dealId: 'D1', stage: 'prospecting' })
      .thenEmits([]);
  });

  it('refuses a reserved stage name, an unknown deal and a closed deal', () => {
    given(openDeal())
      .when('AdvanceDealStage', { dealId: 'D1', stage: 'won' })
      .thenFails('RULE_VIOLATED', /WinDeal/);
    given().when('AdvanceDealStage', { dealId: 'D1', stage: 'x' }).thenFails('NOT_FOUND');
    given(openDeal(lost))
      .when('AdvanceDealStage', { dealId: 'D1', stage: 'x' })
      .thenFails('RULE_VIOLATED', /is lost/);
  });
});

describe('WinDeal', () => {
  it('wins at the deal amount', () => {
    given(openDeal()).when('WinDeal', { dealId: 'D1' }).thenEmits([won]);
  });

  it('replaces the amount with the one given', () => {
    given(openDeal())
      .when('WinDeal', { dealId: 'D1', amount: 4200 })
      .thenEmits([
        {
          type: 'DealWon',
          data: {
            dealId: 'D1',
            contactId: 'C1',
            amount: 4200,
            currency: 'EUR',
            previousAmount: 5000,
          },
        },
      ]);
  });

  it('refuses a won or lost deal, and an unknown one', () => {
    given(openDeal(won))
      .when('WinDeal', { dealId: 'D1' })
      .thenFails('RULE_VIOLATED', /is won/);
    given(openDeal(lost))
      .when('WinDeal', { dealId: 'D1' })
      .thenFails('RULE_VIOLATED', /is lost/);
    given().when('WinDeal', { dealId: 'D1' }).thenFails('NOT_FOUND');
  });
});

describe('LoseDeal', () => {
  it('loses the deal with its reason', () => {
    given(openDeal())
      .when('LoseDeal', { dealId: 'D1', reason: 'price' })
      .thenEmits([{ type: 'DealLost', data: { dealId: 'D1', contactId: 'C1', reason: 'price' } }]);
  });

  it('refuses a won or lost deal, and an unknown one', () => {
    given(openDeal(won)).when('LoseDeal', { dealId: 'D1' }).thenFails('RULE_VIOLATED');
    given(openDeal(lost)).when('LoseDeal', { dealId: 'D1' }).thenFails('RULE_VIOLATED');
    given().when('LoseDeal', { dealId: 'D1' }).thenFails('NOT_FOUND');
  });
});
