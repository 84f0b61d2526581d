import { type Fact, factOf, withFact } from '../shared/business-time';
import type { EventLike } from '../shared/event-fields';
import { addAmounts } from '../shared/percentiles';
import { type AttributedContact, newAttributedContact } from './campaign-documents';
import type { CampaignLedger } from './campaign-ledger';
import { addToChannelReach } from './campaign-reach';
import { CAMPAIGN_FACT_FIELDS, campaignSettingsOf } from './campaign-settings';
import { CONTACT_FACT_FIELDS, contactAttributionOf } from './contact-attribution';
import {
  type DealCredit,
  DEAL_FACT_FIELDS,
  dealAttributionOf,
  dealCredits,
} from './deal-attribution';

// What each event does to the campaigns read model; campaignsProjection dispatches to these.
// Every entity keeps its facts in business-time order and its figures are refolded from them,
// so the live counters are those of the facts in business-time order, whatever the recorded one.

/** A launch or completion: the campaign's settings are the fold of its own facts. */
export async function recordCampaignFact(
  ledger: CampaignLedger,
  campaignId: string,
  event: EventLike,
): Promise<void> {
  const campaign = await ledger.campaign(campaignId);
  const facts = withFact(campaign.facts, factOf(event, CAMPAIGN_FACT_FIELDS[event.type] ?? []));
  const updated = { ...campaign, ...campaignSettingsOf(facts), facts };
  if (updated.channel !== null && updated.awaitingChannel.length > 0) {
    // Contacts touched before the launch, by business time, join the channel's reach now.
    for (const contactId of updated.awaitingChannel) {
      const contact = await ledger.contact(contactId);
      if (!contact) continue;
      await addToChannelReach(ledger, contact, updated);
      ledger.saveContact(contact);
    }
    updated.awaitingChannel = [];
  }
  ledger.saveCampaign(updated);
}

/** A registration, stage change or merge (of this contact away): refolds its attribution. */
export async function recordContactFact(
  ledger: CampaignLedger,
  contactId: string,
  event: EventLike,
): Promise<void> {
  const contact = (await ledger.contact(contactId)) ?? newAttributedContact(contactId, -1);
  const fact = factOf(event, CONTACT_FACT_FIELDS[event.type] ?? []);
  if (holds(contact.facts, fact)) return;
  await refold(ledger, contact, withFact(contact.facts, fact));
}

export async function touch(
  ledger: CampaignLedger,
  contactId: string,
  campaignId: string,
  event: EventLike,
): Promise<void> {
  const contact = (await ledger.contact(contactId)) ?? newAttributedContact(contactId, -1);
  const fact = factOf(event, CONTACT_FACT_FIELDS[event.type] ?? []);
  if (holds(contact.facts, fact)) return;
  const kind = typeof fact.data.kind === 'string' ? fact.data.kind : 'unknown';
  const campaign = await ledger.campaign(campaignId);
  campaign.touches[kind] = (campaign.touches[kind] ?? 0) + 1;
  if (!contact.touchedCampaigns.includes(campaignId)) {
    contact.touchedCampaigns.push(campaignId);
    campaign.reached += 1;
    if (campaign.channel === null) campaign.awaitingChannel.push(contactId);
    else await addToChannelReach(ledger, contact, campaign);
  }
  ledger.saveCampaign(campaign);
  await refold(ledger, contact, withFact(contact.facts, fact));
}

/** A deal's opening or win: moves its wins' credit wherever its refolded facts now place it. */
export async function recordDealFact(
  ledger: CampaignLedger,
  dealId: string,
  event: EventLike,
): Promise<void> {
  const deal = (await ledger.deal(dealId)) ?? { _id: dealId, facts: [] };
  const fact = factOf(event, DEAL_FACT_FIELDS[event.type] ?? []);
  if (holds(deal.facts, fact)) return;
  const facts = withFact(deal.facts, fact);
  const before = dealCredits(dealAttributionOf(deal.facts));
  const after = dealCredits(dealAttributionOf(facts));
  const firstWonAt = facts.find((held) => held.type === 'DealWon')?.occurredAt;
  ledger.saveDeal({ _id: dealId, facts, ...(firstWonAt !== undefined && { firstWonAt }) });
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  for (const credit of before) await moveDealCredit(ledger, credit, -1);
  for (const credit of after) await moveDealCredit(ledger, credit, 1);
}

async function moveDealCredit(
  ledger: CampaignLedger,
  credit: DealCredit,
  sign: 1 | -1,
): Promise<void> {
  if (credit.kind === 'campaign') {
    const campaign = await ledger.campaign(credit.campaignId);
    ledger.saveCampaign({
      ...campaign,
      dealsWon: campaign.dealsWon + sign,
      revenue: addAmounts(campaign.revenue, sign * credit.amount),
    });
    return;
  }
  const contact =
    (await ledger.contact(credit.contactId)) ?? newAttributedContact(credit.contactId, -1);
  await ledger.changeContact(contact, (changed) => {
    changed.wonDeals += sign;
    changed.wonRevenue = addAmounts(changed.wonRevenue, sign * credit.amount);
  });
}

/** Sets the contact's first-touch attribution, rank and merge from the fold of `facts`. */
async function refold(
  ledger: CampaignLedger,
  contact: AttributedContact,
  facts: Fact[],
): Promise<void> {
  const state = contactAttributionOf(facts);
  const first = state.touchPoints[0];
  await ledger.changeContact(contact, (changed) => {
    changed.facts = facts;
    changed.highestRank = state.highestRank;
    changed.mergedAway = state.mergedAway;
    changed.campaignContacts = [...new Set(state.touchPoints.map((touch) => touch.campaignId))];
    if (first === undefined) return;
    changed.campaignId = first.campaignId;
    changed.campaignAt = first.occurredAt;
    changed.firstCampaignContactAt = first.occurredAt;
  });
}

function holds(facts: readonly Fact[], fact: Fact): boolean {
  return facts.some((held) => held.position === fact.position);
}
