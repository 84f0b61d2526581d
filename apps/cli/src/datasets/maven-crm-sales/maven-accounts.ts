import type { ImportPhase, PlannedCommand } from '../../import/import-plan';
import { type ContactFieldDefinition, defineContactFields } from '../custom-field-definitions';
import { compact, presentOrUndefined, slug, startOfDayUtc } from '../source-values';
import type { MavenSources } from './maven-plan';

/** The custom contact fields that carry accounts.csv's columns. */
export const MAVEN_ACCOUNT_FIELDS: readonly ContactFieldDefinition[] = [
  { field: 'sector', type: 'string' },
  { field: 'yearEstablished', type: 'number' },
  { field: 'annualRevenueMillionsUsd', type: 'number' },
  { field: 'employees', type: 'number' },
  { field: 'officeLocation', type: 'string' },
  { field: 'subsidiaryOf', type: 'string' },
];

// SOURCE.txt quirks: a typo in the sector column.
const SECTOR_SPELLINGS: Readonly<Record<string, string>> = { technolgy: 'technology' };

/** The contact that stands for an account: the dataset names companies, never their buyers. */
export function accountContactId(account: string): string {
  return `maven-account-${slug(account)}`;
}

/**
 * The field definitions, then one `RegisterContact` per account named in `accountNames`,
 * registered at the account's first engage date in the whole file.
 */
export function registerAccounts(
  sources: MavenSources,
  accountNames: ReadonlySet<string>,
): ImportPhase[] {
  const definitions = defineContactFields('maven', MAVEN_ACCOUNT_FIELDS);
  const firstEngaged = firstEngageDayByAccount(sources.pipeline);
  const fallbackDay = [...firstEngaged.values()].sort()[0] ?? '2016-10-20';
  const profiles = new Map(sources.accounts.map((row) => [row.account!, row]));
  const registrations = [...accountNames].map((account) => {
    const command: PlannedCommand = {
      type: 'RegisterContact',
      idempotencyKey: accountContactId(account),
      payload: compact({
        contactId: accountContactId(account),
        // RegisterContact needs a name; the account's is the only one the data has.
        lastName: account,
        company: account,
        source: 'maven-crm-sales',
        customFields: accountFields(profiles.get(account)),
        occurredAt: startOfDayUtc(firstEngaged.get(account) ?? fallbackDay),
      }),
    };
    return { entity: `contact ${accountContactId(account)}`, commands: [command] };
  });
  return [
    { name: 'custom field definitions', chains: definitions },
    { name: 'accounts', chains: registrations },
  ];
}

function accountFields(
  row: Record<string, string> | undefined,
): Record<string, string | number> | undefined {
  if (!row) return undefined;
  const sector = presentOrUndefined(row.sector);
  return compact({
    sector: sector && (SECTOR_SPELLINGS[sector] ?? sector),
    yearEstablished: numberOrUndefined(row.year_established),
    annualRevenueMillionsUsd: numberOrUndefined(row.revenue),
    employees: numberOrUndefined(row.employees),
    officeLocation: presentOrUndefined(row.office_location),
    subsidiaryOf: presentOrUndefined(row.subsidiary_of),
  });
}

function numberOrUndefined(value: string | undefined): number | undefined {
  const present = presentOrUndefined(value);
  return present === undefined ? undefined : Number(present);
}

function firstEngageDayByAccount(pipeline: readonly Record<string, string>[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const row of pipeline) {
    const account = row.account ?? '';
    const day = row.engage_date ?? '';
    if (account === '' || day === '') continue;
    const known = first.get(account);
    if (known === undefined || day < known) first.set(account, day);
  }
  return first;
}
