import { flattenPlan } from '../../import/import-plan';
import { planMavenImport, type MavenSources } from './maven-plan';

const header = (names: string) => names.split(',');
const records = (names: string, ...lines: string[]) =>
  lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(header(names).map((name, i) => [name, values[i] ?? '']));
  });

const PIPELINE_COLUMNS =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';

const sources: MavenSources = {
  pipeline: records(
    PIPELINE_COLUMNS,
    'W1,Moses Frase,GTXPro,Gekko & Co,Won,2016-10-25,2017-03-11,4514',
    'L1,Moses Frase,MG Special,Gekko & Co,Lost,2016-10-20,2017-03-07,0',
    'E1,Anna Snelling,MG Special,,Engaging,2017-12-27,,',
    'P1,Anna Snelling,MG Special,,Prospecting,,,',
    'X1,Anna Snelling,MG Special,Acme Corporation,Won,2017-01-02,2017-12-31,60',
  ),
  accounts: records(
    'account,sector,year_established,revenue,employees,office_location,subsidiary_of',
    'Gekko & Co,technolgy,1990,1100.04,2822,United States,',
  ),
  products: records('product,series,sales_price', 'GTX Pro,GTX,4821', 'MG Special,MG,55'),
  teams: records(
    'sales_agent,manager,regional_office',
    'Moses Frase,Dustin Brinkmann,Central',
    'Anna Snelling,Dustin Brinkmann,Central',
  ),
};

describe('planMavenImport', () => {
  const commands = flattenPlan(planMavenImport(sources, 4));

  it('defines the account fields, then registers each account named by the selected rows', () => {
    expect(commands.slice(0, 7).map((c) => c.type)).toEqual([
      ...Array<string>(6).fill('DefineCustomField'),
      'RegisterContact',
    ]);
    expect(commands[0]).toEqual({
      type: 'DefineCustomField',
      idempotencyKey: 'maven-field-sector',
      payload: { entity: 'contact', field: 'sector', type: 'string' },
    });
    expect(commands[6]).toEqual({
      type: 'RegisterContact',
      idempotencyKey: 'maven-account-gekko-co',
      payload: {
        contactId: 'maven-account-gekko-co',
        lastName: 'Gekko & Co',
        company: 'Gekko & Co',
        source: 'maven-crm-sales',
        customFields: {
          sector: 'technology',
          yearEstablished: 1990,
          annualRevenueMillionsUsd: 1100.04,
          employees: 2822,
          officeLocation: 'United States',
        },
        occurredAt: '2016-10-20T00:00:00Z',
      },
    });
  });

  it('opens a won deal at its engage date at list price, then wins it at its close value', () => {
    expect(commands.slice(7, 9)).toEqual([
      {
        type: 'OpenDeal',
        idempotencyKey: 'maven-opp-W1-open',
        payload: {
          dealId: 'maven-W1',
          contactId: 'maven-account-gekko-co',
          accountId: 'maven-account-gekko-co',
          name: 'GTX Pro for Gekko & Co',
          amount: 4821,
          currency: 'USD',
          stage: 'Engaging',
          channel: 'offline',
          ownerId: 'maven-agent-moses-frase',
          teamId: 'maven-team-central-dustin-brinkmann',
          product: 'GTX Pro',
          occurredAt: '2016-10-25T00:00:00Z',
        },
      },
      {
        type: 'WinDeal',
        idempotencyKey: 'maven-opp-W1-won',
        payload: { dealId: 'maven-W1', amount: 4514, occurredAt: '2017-03-11T00:00:00Z' },
      },
    ]);
  });

  it('loses a lost deal at its close date', () => {
    expect(commands[10]).toEqual({
      type: 'LoseDeal',
      idempotencyKey: 'maven-opp-L1-lost',
      payload: { dealId: 'maven-L1', occurredAt: '2017-03-07T00:00:00Z' },
    });
  });

  it('leaves open deals open; a deal without account names no contact', () => {
    const engaging = commands.find((c) => c.idempotencyKey === 'maven-opp-E1-open');
    expect(engaging?.payload).toEqual(
      expect.objectContaining({ stage: 'Engaging', occurredAt: '2017-12-27T00:00:00Z' }),
    );
    expect(engaging?.payload).not.toHaveProperty('contactId');
    expect(engaging?.payload.name).toBe('MG Special for an unnamed account');
    expect(commands.filter((c) => c.payload.dealId === 'maven-E1')).toHaveLength(1);
  });

  it('opens a prospect, which has no engage date, at the last day of the whole file', () => {
    const prospect = commands.find((c) => c.idempotencyKey === 'maven-opp-P1-open');
    expect(prospect?.payload).toEqual(
      expect.objectContaining({ stage: 'Prospecting', occurredAt: '2017-12-31T00:00:00Z' }),
    );
  });

  it('sends the payloads of a full run whatever the limit, so runs resume each other', () => {
    const full = flattenPlan(planMavenImport(sources));
    expect(full).toEqual(expect.arrayContaining(commands));
    expect(full.filter((c) => c.type === 'RegisterContact')).toHaveLength(2);
  });
});
