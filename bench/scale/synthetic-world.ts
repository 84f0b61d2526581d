import type { PlannedCommand } from '../../apps/cli/src/import/import-plan';

const DAY_MS = 86_400_000;

/**
 * The business-time window of the synthetic history: two years, ending before "now" on any
 * machine that runs it (occurredAt more than 5 minutes ahead is refused). Fixed, so the dataset
 * is the same on every run and a cached one stays valid.
 */
export const WINDOW_START_MS = Date.parse('2024-07-01T00:00:00Z');
export const WINDOW_END_MS = Date.parse('2026-06-30T00:00:00Z');
/** Contacts register early enough that their follow-ups (within this span) stay in the window. */
export const FOLLOW_UP_SPAN_MS = 120 * DAY_MS;

export const OWNERS = Array.from({ length: 40 }, (_, i) => `owner-${i + 1}`);
export const AGENTS = Array.from({ length: 60 }, (_, i) => `agent-${i + 1}`);
export const TEAMS = ['team-emea', 'team-americas', 'team-apac', 'team-smb', 'team-enterprise'];
export const SOURCES = ['web', 'webinar', 'referral', 'trade-show', 'partner', 'paid-search'];
export const PRODUCTS = ['Starter', 'Growth', 'Scale', 'Enterprise', 'Support Plus', 'Training'];
export const DEAL_CHANNELS = ['online', 'offline', 'partner'];

const CAMPAIGN_CHANNELS = ['email', 'social', 'search', 'display', 'event', 'phone'] as const;
const CAMPAIGN_EVERY_MS = 14 * DAY_MS;

/** One campaign: launched at `startsAt`, running until `endsAt`. */
export interface SyntheticCampaign {
  campaignId: string;
  startsAtMs: number;
  endsAtMs: number;
}

/** A campaign starts every two weeks across the window and runs 30 to 60 days. */
export function syntheticCampaigns(): SyntheticCampaign[] {
  const campaigns: SyntheticCampaign[] = [];
  for (let start = WINDOW_START_MS, i = 1; start < WINDOW_END_MS; start += CAMPAIGN_EVERY_MS, i++) {
    const lengthDays = 30 + ((i * 7) % 31);
    const endsAtMs = Math.min(start + lengthDays * DAY_MS, WINDOW_END_MS);
    campaigns.push({
      campaignId: `cmp-${String(i).padStart(3, '0')}`,
      startsAtMs: start,
      endsAtMs,
    });
  }
  return campaigns;
}

export function launchCampaignCommand(campaign: SyntheticCampaign, index: number): PlannedCommand {
  const channel = CAMPAIGN_CHANNELS[index % CAMPAIGN_CHANNELS.length]!;
  return {
    type: 'LaunchCampaign',
    idempotencyKey: `synthetic-launch-${campaign.campaignId}`,
    payload: {
      campaignId: campaign.campaignId,
      name: `Campaign ${campaign.campaignId} (${channel})`,
      channel,
      startsAt: iso(campaign.startsAtMs),
      endsAt: iso(campaign.endsAtMs),
      budget: 2_000 + ((index * 1_337) % 18_000),
      currency: 'EUR',
      occurredAt: iso(campaign.startsAtMs),
    },
  };
}

/** Sent after every contact, at the campaign's end: touches all happened before it. */
export function completeCampaignCommand(campaign: SyntheticCampaign): PlannedCommand {
  return {
    type: 'CompleteCampaign',
    idempotencyKey: `synthetic-complete-${campaign.campaignId}`,
    payload: { campaignId: campaign.campaignId, occurredAt: iso(campaign.endsAtMs) },
  };
}

/** The campaigns running at a business time (there are always one or more). */
export function campaignsRunningAt(
  campaigns: readonly SyntheticCampaign[],
  atMs: number,
): SyntheticCampaign[] {
  return campaigns.filter((c) => c.startsAtMs <= atMs && atMs < c.endsAtMs);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
