import { flattenPlan } from '../../import/import-plan';
import { lastContactDays } from './bank-dates';
import { BANK_CAMPAIGN, planBankImport } from './bank-plan';

function client(month: string, day: number, fields: Record<string, string> = {}) {
  return {
    age: '58',
    job: 'management',
    marital: 'married',
    education: 'tertiary',
    default: 'no',
    balance: '2143',
    housing: 'yes',
    loan: 'no',
    contact: 'unknown',
    day: String(day),
    month,
    duration: '261',
    campaign: '1',
    pdays: '-1',
    previous: '0',
    poutcome: 'unknown',
    y: 'no',
    ...fields,
  };
}

describe('lastContactDays', () => {
  it('starts in 2008 and moves to the next year when the month goes back', () => {
    const rows = [client('may', 5), client('dec', 31), client('jan', 2), client('nov', 30)];
    expect(lastContactDays(rows)).toEqual(['2008-05-05', '2008-12-31', '2009-01-02', '2009-11-30']);
  });

  it('refuses an unknown month', () => {
    expect(() => lastContactDays([client('mai', 5)])).toThrow(/Unknown month "mai"/);
  });
});

describe('planBankImport', () => {
  const rows = [
    client('dec', 30, { campaign: '1' }),
    client('jan', 4, {
      job: 'unknown',
      education: 'unknown',
      marital: 'single',
      default: 'yes',
      balance: '-12',
      loan: 'yes',
      contact: 'cellular',
      campaign: '2',
      previous: '3',
      poutcome: 'success',
      y: 'yes',
    }),
  ];
  const plan = planBankImport(rows);
  const commands = flattenPlan(plan);

  it('launches the campaign and defines the client fields first', () => {
    expect(plan.phases[0]?.chains.map((chain) => chain.commands[0]?.type)).toEqual([
      'LaunchCampaign',
      ...Array<string>(8).fill('DefineCustomField'),
    ]);
    expect(commands[0]).toEqual({
      type: 'LaunchCampaign',
      idempotencyKey: 'uci-bank-term-deposit-launch',
      payload: { ...BANK_CAMPAIGN, occurredAt: '2008-05-01T00:00:00Z' },
    });
    expect(
      commands.find((c) => c.idempotencyKey === 'uci-bank-field-contactDevice')?.payload,
    ).toEqual({
      entity: 'contact',
      field: 'contactDevice',
      type: 'enum',
      options: ['cellular', 'telephone', 'unknown'],
    });
  });

  it('registers a client, records each call of the campaign and makes a subscriber a customer', () => {
    const at = '2009-01-04T00:00:00Z';
    const touch = {
      campaignId: 'uci-bank-term-deposit',
      contactId: 'uci-bank-client-2',
      kind: 'contacted',
      occurredAt: at,
    };
    expect(plan.phases[1]?.chains[1]?.commands).toEqual([
      {
        type: 'RegisterContact',
        idempotencyKey: 'uci-bank-client-2-register',
        payload: {
          contactId: 'uci-bank-client-2',
          lastName: 'Bank client 2',
          familyStatus: 'single',
          source: 'uci-bank-marketing',
          campaignId: 'uci-bank-term-deposit',
          customFields: {
            age: 58,
            balanceEur: -12,
            hasCreditInDefault: true,
            hasHousingLoan: true,
            hasPersonalLoan: true,
            contactDevice: 'cellular',
            previousCampaignContacts: 3,
            previousCampaignOutcome: 'success',
          },
          occurredAt: at,
        },
      },
      { type: 'RecordCampaignTouch', idempotencyKey: 'uci-bank-client-2-call-1', payload: touch },
      { type: 'RecordCampaignTouch', idempotencyKey: 'uci-bank-client-2-call-2', payload: touch },
      {
        type: 'ChangeLifecycleStage',
        idempotencyKey: 'uci-bank-client-2-customer',
        payload: {
          contactId: 'uci-bank-client-2',
          stage: 'customer',
          reason: 'Subscribed a term deposit',
          occurredAt: at,
        },
      },
    ]);
  });

  it('keeps job and education when known, and leaves a client who did not subscribe a lead', () => {
    const first = plan.phases[1]?.chains[0]?.commands ?? [];
    expect(first[0]?.payload).toEqual(
      expect.objectContaining({
        jobTitle: 'management',
        education: 'tertiary',
        occurredAt: '2008-12-30T00:00:00Z',
      }),
    );
    expect(first.map((c) => c.type)).toEqual(['RegisterContact', 'RecordCampaignTouch']);
  });

  it('completes the campaign at the end of its window, last', () => {
    expect(commands.at(-1)).toEqual({
      type: 'CompleteCampaign',
      idempotencyKey: 'uci-bank-term-deposit-complete',
      payload: { campaignId: 'uci-bank-term-deposit', occurredAt: '2010-11-30T23:59:59Z' },
    });
  });

  it('keeps the first clients only when limited', () => {
    const limited = flattenPlan(planBankImport(rows, 1));
    expect(limited.filter((c) => c.type === 'RegisterContact')).toHaveLength(1);
  });
});
