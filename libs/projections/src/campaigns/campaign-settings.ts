import type { Fact } from '../shared/business-time';
import { factAsEvent } from '../shared/business-time';
import { type EventLike, numberField, stringField } from '../shared/event-fields';
import { normalisedUtcIso } from '../shared/utc-iso';
import type { CampaignDocument } from './campaign-documents';

/** A campaign's own facts folded: whether it was launched, with what, and its status. */
export type CampaignSettings = Pick<
  CampaignDocument,
  'launched' | 'name' | 'channel' | 'status' | 'budget' | 'currency' | 'startsAt' | 'endsAt'
>;

/** The fields of the campaign's own events the fold reads. */
export const CAMPAIGN_FACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CampaignLaunched: ['name', 'channel', 'budget', 'currency', 'startsAt', 'endsAt'],
  CampaignCompleted: [],
};

export function unlaunchedSettings(): CampaignSettings {
  return {
    launched: false,
    name: null,
    channel: null,
    status: 'active',
    budget: 0,
    currency: null,
    startsAt: null,
    endsAt: null,
  };
}

export function evolveCampaignSettings(
  state: CampaignSettings | undefined,
  event: EventLike,
): CampaignSettings {
  const settings = state ?? unlaunchedSettings();
  const { data } = event;
  switch (event.type) {
    case 'CampaignLaunched': {
      const startsAt = stringField(data, 'startsAt');
      const endsAt = stringField(data, 'endsAt');
      return {
        ...settings,
        launched: true,
        name: stringField(data, 'name') ?? null,
        channel: stringField(data, 'channel') ?? null,
        budget: numberField(data, 'budget') ?? 0,
        currency: stringField(data, 'currency') ?? null,
        startsAt: startsAt === undefined ? null : normaliseTime(startsAt),
        endsAt: endsAt === undefined ? null : normaliseTime(endsAt),
      };
    }
    case 'CampaignCompleted':
      return { ...settings, status: 'completed' };
    default:
      return settings;
  }
}

/** The fold of every fact held (the live settings). */
export function campaignSettingsOf(facts: readonly Fact[]): CampaignSettings {
  return facts.reduce<CampaignSettings>(
    (state, fact) => evolveCampaignSettings(state, factAsEvent(fact)),
    unlaunchedSettings(),
  );
}

function normaliseTime(value: string): string {
  return normalisedUtcIso(value) ?? value;
}
