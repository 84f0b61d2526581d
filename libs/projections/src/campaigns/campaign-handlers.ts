import type { RecordedEvent } from '@chronicle/event-store';
import { numberField, stringField } from '../shared/event-fields';
import { ladderRankOf } from '../shared/ladder';
import { addAmounts } from '../shared/percentiles';
import { newAttributedContact } from './campaign-documents';
import type { CampaignLedger } from './campaign-ledger';
import { addToChannelReach } from './campaign-reach';

// What each event does to the campaigns read model; campaignsProjection dispatches to these.

export async function launch(
  ledger: CampaignLedger,
  campaignId: string,
  data: RecordedEvent['data'],
): Promise<void> {
  const campaign = await ledger.campaign(campaignId);
  const startsAt = stringField(data, 'startsAt');
  const endsAt = stringField(data, 'endsAt');
  ledger.saveCampaign({
    ...campaign,
    launched: true,
    name: stringField(data, 'name') ?? null,
    channel: stringField(data, 'channel') ?? null,
    budget: numberField(data, 'budget') ?? 0,
    currency: stringField(data, 'currency') ?? null,
    startsAt: startsAt === undefined ? null : normaliseTime(startsAt),
    endsAt: endsAt === undefined ? null : normaliseTime(endsAt),
  });
}

export async function complete(ledger: CampaignLedger, campaignId: string): Promise<void> {
  ledger.saveCampaign({ ...(await ledger.campaign(campaignId)), status: 'completed' });
}

export async function register(
  ledger: CampaignLedger,
  contactId: string,
  data: RecordedEvent['data'],
  at: string,
): Promise<void> {
  if (await ledger.contact(contactId)) return;
  const contact = newAttributedContact(contactId, ladderRankOf(data.lifecycleStage ?? 'lead'));
  const campaignId = stringField(data, 'campaignId');
  await ledger.changeContact(contact, (changed) => {
    if (campaignId === undefined) return;
    changed.campaignId = campaignId;
    changed.campaignAt = at;
  });
}

export async function touch(
  ledger: CampaignLedger,
  contactId: string,
  campaignId: string,
  kind: string,
  at: string,
): Promise<void> {
  const campaign = await ledger.campaign(campaignId);
  campaign.touches[kind] = (campaign.touches[kind] ?? 0) + 1;
  const contact = (await ledger.contact(contactId)) ?? newAttributedContact(contactId, -1);
  if (!contact.touchedCampaigns.includes(campaignId)) {
    contact.touchedCampaigns.push(campaignId);
    campaign.reached += 1;
    await addToChannelReach(ledger, contact, campaign);
  }
  ledger.saveCampaign(campaign);
  // Strictly earlier: of two first contacts at the same business time, the one recorded first wins.
  const earlier = contact.campaignAt === undefined || at < contact.campaignAt;
  await ledger.changeContact(contact, (changed) => {
    if (!earlier) return;
    changed.campaignId = campaignId;
    changed.campaignAt = at;
  });
}

export async function changeStage(
  ledger: CampaignLedger,
  contactId: string,
  to: string | undefined,
): Promise<void> {
  const contact = await ledger.contact(contactId);
  const rank = ladderRankOf(to);
  if (!contact || rank <= contact.highestRank) return;
  await ledger.changeContact(contact, (changed) => {
    changed.highestRank = rank;
  });
}

export async function mergeAway(ledger: CampaignLedger, contactId: string): Promise<void> {
  const contact = await ledger.contact(contactId);
  if (!contact || contact.mergedAway) return;
  await ledger.changeContact(contact, (changed) => {
    changed.mergedAway = true;
  });
}

export async function winDeal(
  ledger: CampaignLedger,
  dealId: string | undefined,
  eventContactId: string | undefined,
  amount: number,
): Promise<void> {
  const deal = dealId === undefined ? undefined : await ledger.deal(dealId);
  if (deal?.campaignId !== undefined) {
    const campaign = await ledger.campaign(deal.campaignId);
    ledger.saveCampaign({
      ...campaign,
      dealsWon: campaign.dealsWon + 1,
      revenue: addAmounts(campaign.revenue, amount),
    });
    return;
  }
  const contactId = deal?.contactId ?? eventContactId;
  const contact = contactId === undefined ? undefined : await ledger.contact(contactId);
  if (!contact) return;
  await ledger.changeContact(contact, (changed) => {
    changed.wonDeals += 1;
    changed.wonRevenue = addAmounts(changed.wonRevenue, amount);
  });
}

function normaliseTime(value: string): string {
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? value : new Date(millis).toISOString();
}
