import type { CommandChain, ImportPlan, PlannedCommand } from '../../import/import-plan';
import { type ContactFieldDefinition, defineContactFields } from '../custom-field-definitions';
import { compact, startOfDayUtc } from '../source-values';
import { lastContactDays } from './bank-dates';

export const BANK_CAMPAIGN_ID = 'uci-bank-term-deposit';

/**
 * The one campaign the file describes. Its window is the file's (SOURCE.txt); the budget is our
 * assumption, about 2 EUR for each of the 124,956 calls, since the data has no costs.
 */
export const BANK_CAMPAIGN = {
  campaignId: BANK_CAMPAIGN_ID,
  name: 'Term deposit phone campaign 2008-2010 (UCI Bank Marketing)',
  channel: 'phone',
  startsAt: '2008-05-01T00:00:00Z',
  endsAt: '2010-11-30T23:59:59Z',
  budget: 250_000,
  currency: 'EUR',
  goal: 'Term deposit subscriptions',
} as const;

/** The custom contact fields for the columns that have no place among the contact's own. */
export const BANK_CLIENT_FIELDS: readonly ContactFieldDefinition[] = [
  { field: 'age', type: 'number' },
  { field: 'balanceEur', type: 'number' },
  { field: 'hasCreditInDefault', type: 'boolean' },
  { field: 'hasHousingLoan', type: 'boolean' },
  { field: 'hasPersonalLoan', type: 'boolean' },
  { field: 'contactDevice', type: 'enum', options: ['cellular', 'telephone', 'unknown'] },
  { field: 'previousCampaignContacts', type: 'number' },
  {
    field: 'previousCampaignOutcome',
    type: 'enum',
    options: ['failure', 'other', 'success', 'unknown'],
  },
];

/** The contact's id for the client on data row `rowNumber` (1-based; the file has no ids). */
export function bankClientId(rowNumber: number): string {
  return `uci-bank-client-${rowNumber}`;
}

/**
 * Maps UCI Bank Marketing (bank-full.csv): the campaign and the field definitions, then per
 * client a `RegisterContact` attributed to the campaign, one `RecordCampaignTouch` 'contacted'
 * per call of this campaign, and `ChangeLifecycleStage` to customer when it subscribed (`y`),
 * all at the last-contact day (the file has no dates for the earlier calls); last, the campaign's
 * completion. `limit` keeps the first clients.
 */
export function planBankImport(
  rows: readonly Record<string, string>[],
  limit?: number,
): ImportPlan {
  const days = lastContactDays(rows.slice(0, limit));
  const clients = days.map((day, index) => clientChain(rows[index]!, index + 1, day));
  const launch: PlannedCommand = {
    type: 'LaunchCampaign',
    idempotencyKey: `${BANK_CAMPAIGN_ID}-launch`,
    payload: { ...BANK_CAMPAIGN, occurredAt: BANK_CAMPAIGN.startsAt },
  };
  const setUp: CommandChain[] = [
    { entity: `campaign ${BANK_CAMPAIGN_ID}`, commands: [launch] },
    ...defineContactFields('uci-bank', BANK_CLIENT_FIELDS),
  ];
  const completion: PlannedCommand = {
    type: 'CompleteCampaign',
    idempotencyKey: `${BANK_CAMPAIGN_ID}-complete`,
    payload: { campaignId: BANK_CAMPAIGN_ID, occurredAt: BANK_CAMPAIGN.endsAt },
  };
  return {
    dataset: 'uci-bank-marketing',
    phases: [
      { name: 'campaign and custom fields', chains: setUp },
      { name: 'clients', chains: clients },
      {
        name: 'campaign end',
        chains: [{ entity: `campaign ${BANK_CAMPAIGN_ID}`, commands: [completion] }],
      },
    ],
  };
}

function clientChain(row: Record<string, string>, rowNumber: number, day: string): CommandChain {
  const contactId = bankClientId(rowNumber);
  const occurredAt = startOfDayUtc(day);
  const unlessUnknown = (value: string | undefined) => (value === 'unknown' ? undefined : value);
  const register: PlannedCommand = {
    type: 'RegisterContact',
    idempotencyKey: `${contactId}-register`,
    payload: compact({
      contactId,
      // RegisterContact needs a name; the file is anonymous, so the row number stands in.
      lastName: `Bank client ${rowNumber}`,
      jobTitle: unlessUnknown(row.job),
      education: unlessUnknown(row.education),
      familyStatus: row.marital,
      source: 'uci-bank-marketing',
      campaignId: BANK_CAMPAIGN_ID,
      customFields: {
        age: Number(row.age),
        balanceEur: Number(row.balance),
        hasCreditInDefault: row.default === 'yes',
        hasHousingLoan: row.housing === 'yes',
        hasPersonalLoan: row.loan === 'yes',
        contactDevice: row.contact ?? 'unknown',
        previousCampaignContacts: Number(row.previous),
        previousCampaignOutcome: row.poutcome ?? 'unknown',
      },
      occurredAt,
    }),
  };
  const calls = Array.from({ length: Number(row.campaign) }, (_, index) => ({
    type: 'RecordCampaignTouch' as const,
    idempotencyKey: `${contactId}-call-${index + 1}`,
    payload: { campaignId: BANK_CAMPAIGN_ID, contactId, kind: 'contacted', occurredAt },
  }));
  const subscribed: PlannedCommand[] =
    row.y === 'yes'
      ? [
          {
            type: 'ChangeLifecycleStage',
            idempotencyKey: `${contactId}-customer`,
            payload: {
              contactId,
              stage: 'customer',
              reason: 'Subscribed a term deposit',
              occurredAt,
            },
          },
        ]
      : [];
  return { entity: `contact ${contactId}`, commands: [register, ...calls, ...subscribed] };
}
