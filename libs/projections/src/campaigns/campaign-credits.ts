import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import { type Fact, foldAsOf } from '../shared/business-time';
import type { EventLike } from '../shared/event-fields';
import { type AttributionSettings, campaignCredits } from './attribution-models';
import {
  asDocument,
  type AttributedContact,
  type CampaignDocument,
  type DealDocument,
  newCampaign,
} from './campaign-documents';
import { type CampaignSettings, evolveCampaignSettings } from './campaign-settings';
import { type ContactAttribution, contactAttributionAsOf } from './contact-attribution';
import { type DealAttribution, dealCredits, evolveDealAttribution } from './deal-attribution';

/** What a campaigns answer is asked: the model, its half-life, and the business moment. */
export interface AttributionQuestion extends AttributionSettings {
  /** UTC ISO; undefined = every fact known now. */
  validAt?: string;
}

/** v1's question: first touch, now. */
export const FIRST_TOUCH_NOW: AttributionQuestion = { model: 'first_touch', halfLifeDays: 7 };

/** Whether the answer can come from the live first-touch counters alone. */
export function isFirstTouchNow(question: AttributionQuestion): boolean {
  return question.model === 'first_touch' && question.validAt === undefined;
}

/** Physical names of every collection of the `campaigns` projection a credit tally reads. */
export interface CampaignEntities {
  campaigns: string;
  contacts: string;
  deals: string;
}

/** The campaigns' figures recounted from the entities, and each contact's touched campaigns. */
export interface CreditTally {
  /** Credits, touches and wins per campaign id (settings are left to `asOfCampaign`). */
  counters: Map<string, CampaignDocument>;
  /** Per contact with a touch, the campaigns that touched it: what a channel's reach counts. */
  touchedBy: Array<ReadonlySet<string>>;
}

/**
 * Recounts the campaigns' figures from the contacts and won deals, folded up to `validAt` with
 * the projection's own folds, crediting each contact's touches under the model. Reads every
 * contact with a campaign contact by then (or, for one campaign, those it touched or named) and
 * every deal won by then, in id order so equal inputs sum to equal floats.
 */
export async function tallyCredits(
  readStore: ReadStore,
  entities: CampaignEntities,
  question: AttributionQuestion,
  onlyCampaignId?: string,
): Promise<CreditTally> {
  const counters = new Map<string, CampaignDocument>();
  const counter = (campaignId: string): CampaignDocument => {
    let found = counters.get(campaignId);
    if (!found) counters.set(campaignId, (found = newCampaign(campaignId)));
    return found;
  };
  const touchedBy: Array<ReadonlySet<string>> = [];
  const creditsOf = new Map<string, Map<string, number>>();
  for (const contact of await contactsToRead(readStore, entities, question, onlyCampaignId)) {
    const state = contactAttributionAsOf(contact.facts, question.validAt);
    if (!state) continue;
    const credits = campaignCredits(state.touchPoints, question, state.customerAt);
    creditsOf.set(contact._id, credits);
    for (const [campaignId, credit] of credits) {
      if (state.mergedAway || state.highestRank < 0) continue;
      const ranks = counter(campaignId).attributedByRank;
      ranks[state.highestRank] = (ranks[state.highestRank] ?? 0) + credit;
    }
    const touched = countTouches(state, counter);
    if (touched.size > 0) touchedBy.push(touched);
  }
  for (const deal of await dealsToRead(readStore, entities, question)) {
    const state = asOf(deal.facts, question.validAt, evolveDealAttribution);
    for (const credit of state ? dealCredits(state) : []) {
      const shares =
        credit.kind === 'campaign'
          ? new Map([[credit.campaignId, 1]])
          : (creditsOf.get(credit.contactId) ?? new Map<string, number>());
      for (const [campaignId, share] of shares) {
        const campaign = counter(campaignId);
        campaign.dealsWon += share;
        campaign.revenue += share * credit.amount;
      }
    }
  }
  return { counters, touchedBy };
}

/**
 * The campaign as it stood at `validAt` with the tally's counters, or undefined when it had not
 * been launched by then.
 */
export function asOfCampaign(
  stored: CampaignDocument,
  tally: CreditTally,
  validAt: string | undefined,
): CampaignDocument | undefined {
  const settings: CampaignSettings | undefined = asOf(
    stored.facts,
    validAt,
    evolveCampaignSettings,
  );
  if (!settings?.launched) return undefined;
  return { ...(tally.counters.get(stored._id) ?? newCampaign(stored._id)), ...settings };
}

function countTouches(
  state: ContactAttribution,
  counter: (campaignId: string) => CampaignDocument,
): Set<string> {
  const touched = new Set<string>();
  for (const { campaignId, kind } of state.touches) {
    const campaign = counter(campaignId);
    campaign.touches[kind] = (campaign.touches[kind] ?? 0) + 1;
    if (touched.has(campaignId)) continue;
    touched.add(campaignId);
    campaign.reached += 1;
  }
  return touched;
}

async function contactsToRead(
  readStore: ReadStore,
  entities: CampaignEntities,
  question: AttributionQuestion,
  onlyCampaignId: string | undefined,
): Promise<AttributedContact[]> {
  const query: DocumentQuery = {
    ...(onlyCampaignId !== undefined && { campaignContacts: onlyCampaignId }),
    firstCampaignContactAt:
      question.validAt === undefined ? { $exists: true } : { $lte: question.validAt },
  };
  const found = await readStore.find(entities.contacts, query, { sort: { _id: 1 } });
  return found.map((document) => asDocument<AttributedContact>(document));
}

async function dealsToRead(
  readStore: ReadStore,
  entities: CampaignEntities,
  question: AttributionQuestion,
): Promise<DealDocument[]> {
  const query: DocumentQuery = {
    firstWonAt: question.validAt === undefined ? { $exists: true } : { $lte: question.validAt },
  };
  const found = await readStore.find(entities.deals, query, { sort: { _id: 1 } });
  return found.map((document) => asDocument<DealDocument>(document));
}

/** The fold of the facts known at `validAt`, or of all of them. */
function asOf<D extends CampaignSettings | DealAttribution>(
  facts: readonly Fact[],
  validAt: string | undefined,
  evolve: (state: D | undefined, event: EventLike) => D,
): D | undefined {
  return foldAsOf(facts, validAt ?? END_OF_TIME, evolve);
}

// Later than any business time a UTC ISO string can hold, so every fact counts.
const END_OF_TIME = '\uffff';
