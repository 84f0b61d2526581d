import type { Command } from './chronicle-client';
import type { SeededRandom } from './seeded-random';

export const CAMPAIGN_IDS = ['CMP-soak-web', 'CMP-soak-event'] as const;
/** One contact every client writes consents to, so some appends contend for one stream. */
export const SHARED_CONTACT_ID = 'C-soak-shared';

/** What every journey leans on: the campaigns its contacts come from and the shared contact. */
export function soakSetup(): Command[] {
  return [
    ...CAMPAIGN_IDS.map((campaignId, i) => ({
      type: 'LaunchCampaign',
      key: `setup-${campaignId}`,
      body: {
        campaignId,
        name: `Soak campaign ${i + 1}`,
        channel: i === 0 ? 'email' : 'event',
        startsAt: '2025-01-01T00:00:00Z',
        budget: 1000 * (i + 1),
        currency: 'EUR',
      },
    })),
    {
      type: 'RegisterContact',
      key: 'setup-shared-contact',
      body: { contactId: SHARED_CONTACT_ID, lastName: 'Shared', source: 'web' },
    },
  ];
}

type Step = [type: string, body: Record<string, unknown>];

/**
 * One customer's life as a service would send it, each command valid once the ones before it are
 * stored: registration, an interaction, maybe a campaign touch, qualification, a deal that is won
 * (with a purchase and the move to customer) or lost, a ticket that may be answered, resolved,
 * closed or left open — with consents on the shared contact in between.
 * Tickets open at the time of the run with priorities whose first due time is 4 h or more away,
 * so no SLA timer fires and no SLA status flips while a test runs.
 */
export function customerJourney(random: SeededRandom, journeyId: string): Command[] {
  const contactId = `C-${journeyId}`;
  const dealId = `D-${journeyId}`;
  const ticketId = `T-${journeyId}`;
  const campaignId = random.chance(0.7) ? random.pick(CAMPAIGN_IDS) : undefined;
  const fromCampaign = campaignId ? { campaignId } : {};
  const amount = random.int(1, 40) * 500;

  const steps: Step[] = [
    [
      'RegisterContact',
      {
        contactId,
        firstName: 'Soak',
        lastName: `Customer ${journeyId}`,
        email: `${journeyId}@soak.example`,
        source: random.pick(['web', 'webinar', 'referral']),
        ...fromCampaign,
      },
    ],
    [
      'LogInteraction',
      {
        interactionId: `I-${journeyId}`,
        contactId,
        kind: random.pick(['call', 'email', 'meeting', 'chat']),
        direction: 'inbound',
      },
    ],
  ];
  if (campaignId && random.chance(0.5)) {
    steps.push([
      'RecordCampaignTouch',
      { campaignId, contactId, kind: random.pick(['opened', 'clicked']) },
    ]);
  }
  steps.push(['QualifyLead', { contactId, qualification: 'marketing' }]);
  steps.push([
    'OpenDeal',
    {
      dealId,
      contactId,
      name: `Deal ${journeyId}`,
      amount,
      currency: 'EUR',
      stage: 'qualification',
      probability: 0.2,
      channel: random.pick(['online', 'partner']),
      ownerId: random.pick(['U-1', 'U-2', 'U-3']),
      ...fromCampaign,
    },
  ]);
  steps.push([
    'AdvanceDealStage',
    { dealId, stage: random.pick(['proposal', 'negotiation']), probability: 0.5 },
  ]);
  steps.push([
    'OpenTicket',
    {
      ticketId,
      contactId,
      subject: `Question from ${journeyId}`,
      priority: random.pick(['low', 'normal', 'high']),
      channel: 'email',
      teamId: random.pick(['TEAM-A', 'TEAM-B']),
    },
  ]);
  if (random.chance(0.7)) {
    steps.push(['RespondToTicket', { ticketId, agentId: random.pick(['A-1', 'A-2']) }]);
  }
  if (random.chance(0.6)) {
    steps.push(['WinDeal', { dealId, amount: amount + 100 }]);
    steps.push([
      'RecordPurchase',
      {
        orderId: `O-${journeyId}`,
        contactId,
        items: [{ sku: 'SKU-1', quantity: random.int(1, 5), unitPrice: 99.5 }],
        currency: 'EUR',
        channel: 'online',
      },
    ]);
    steps.push(['ChangeLifecycleStage', { contactId, stage: 'customer' }]);
  } else {
    steps.push(['LoseDeal', { dealId, reason: 'No budget this year' }]);
  }
  const ending = random.next();
  if (ending < 0.4) steps.push(['ResolveTicket', { ticketId, resolution: 'Answered by mail' }]);
  else if (ending < 0.8) {
    steps.push(['CloseTicket', { ticketId, satisfactionScore: random.int(1, 5) }]);
  }

  const commands: Command[] = [];
  steps.forEach(([type, body], step) => {
    commands.push({ type, body, key: `${journeyId}-${step}` });
    if (random.chance(0.15)) {
      commands.push({
        type: 'RecordConsent',
        key: `${journeyId}-${step}-consent`,
        body: {
          contactId: SHARED_CONTACT_ID,
          channel: random.pick(['email', 'sms', 'phone', 'post']),
          granted: random.chance(0.5),
          source: journeyId,
        },
      });
    }
  });
  return commands;
}
