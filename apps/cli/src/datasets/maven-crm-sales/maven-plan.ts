import type { CommandChain, ImportPlan, PlannedCommand } from '../../import/import-plan';
import { compact, presentOrUndefined, slug, startOfDayUtc } from '../source-values';
import { accountContactId, registerAccounts } from './maven-accounts';

/** The dataset's files, one record per CSV row. */
export interface MavenSources {
  pipeline: Record<string, string>[];
  accounts: Record<string, string>[];
  products: Record<string, string>[];
  teams: Record<string, string>[];
}

export const MAVEN_CURRENCY = 'USD';
export const MAVEN_CHANNEL = 'offline';

// The pipeline spells one product differently from products.csv (SOURCE.txt quirks).
const PRODUCT_SPELLINGS: Readonly<Record<string, string>> = { GTXPro: 'GTX Pro' };

/**
 * Maps the Maven CRM sales dataset: custom field definitions and one contact per account first,
 * then per opportunity an `OpenDeal` at its engage date and a `WinDeal`/`LoseDeal` at its close
 * date. `limit` keeps the first opportunities only; everything derived from the whole file (the
 * accounts' registration dates, the snapshot date) is computed from all rows, so a limited run
 * sends exactly the payloads a full run would and the two resume each other.
 */
export function planMavenImport(sources: MavenSources, limit?: number): ImportPlan {
  const opportunities = sources.pipeline.slice(0, limit);
  const snapshotDay = latestDay(sources.pipeline);
  const listPrices = new Map(sources.products.map((p) => [p.product!, Number(p.sales_price)]));
  const teamOf = new Map(sources.teams.map((t) => [t.sales_agent!, t]));

  const dealChain = (row: Record<string, string>): CommandChain => {
    const id = row.opportunity_id!;
    const product = PRODUCT_SPELLINGS[row.product!] ?? row.product!;
    const account = presentOrUndefined(row.account);
    const team = teamOf.get(row.sales_agent!);
    const open: PlannedCommand = {
      type: 'OpenDeal',
      idempotencyKey: `maven-opp-${id}-open`,
      payload: compact({
        dealId: dealId(id),
        contactId: account && accountContactId(account),
        accountId: account && accountContactId(account),
        name: `${product} for ${account ?? 'an unnamed account'}`,
        amount: listPrices.get(product) ?? 0,
        currency: MAVEN_CURRENCY,
        stage: row.deal_stage === 'Prospecting' ? 'Prospecting' : 'Engaging',
        channel: MAVEN_CHANNEL,
        ownerId: `maven-agent-${slug(row.sales_agent!)}`,
        teamId: team && `maven-team-${slug(team.regional_office!)}-${slug(team.manager!)}`,
        product,
        // Prospecting rows have no engage date: they were still prospects when the data ends.
        occurredAt: startOfDayUtc(presentOrUndefined(row.engage_date) ?? snapshotDay),
      }),
    };
    return { entity: `deal ${dealId(id)}`, commands: [open, ...closing(row)] };
  };

  const accountNames = new Set(opportunities.map((row) => row.account!).filter(Boolean));
  return {
    dataset: 'maven-crm-sales',
    phases: [
      ...registerAccounts(sources, accountNames),
      { name: 'opportunities', chains: opportunities.map(dealChain) },
    ],
  };
}

/** The deal's id in Chronicle. */
export function dealId(opportunityId: string): string {
  return `maven-${opportunityId}`;
}

function closing(row: Record<string, string>): PlannedCommand[] {
  const id = row.opportunity_id!;
  const occurredAt = startOfDayUtc(row.close_date!);
  if (row.deal_stage === 'Won') {
    const amount = Number(row.close_value);
    const payload = { dealId: dealId(id), amount, occurredAt };
    return [{ type: 'WinDeal', idempotencyKey: `maven-opp-${id}-won`, payload }];
  }
  if (row.deal_stage === 'Lost') {
    const payload = { dealId: dealId(id), occurredAt };
    return [{ type: 'LoseDeal', idempotencyKey: `maven-opp-${id}-lost`, payload }];
  }
  return [];
}

function latestDay(rows: readonly Record<string, string>[]): string {
  const days = rows.flatMap((row) => [row.engage_date ?? '', row.close_date ?? '']);
  return days.reduce((latest, day) => (day > latest ? day : latest), '');
}
