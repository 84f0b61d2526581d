import type { CommandType } from '@chronicle/application';
import type { CommandChain, PlannedCommand } from '../../apps/cli/src/import/import-plan';
import { SeededRandom } from '../../apps/api/test/reliability/crash-support/seeded-random';
import {
  AGENTS,
  campaignsRunningAt,
  DEAL_CHANNELS,
  FOLLOW_UP_SPAN_MS,
  iso,
  OWNERS,
  PRODUCTS,
  SOURCES,
  TEAMS,
  WINDOW_END_MS,
  WINDOW_START_MS,
  type SyntheticCampaign,
} from './synthetic-world';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Donald'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Thompson', 'Knuth'];
const INTERACTION_KINDS = ['call', 'email', 'meeting', 'chat', 'web_visit', 'app_event'] as const;
const TICKET_PRIORITIES: ReadonlyArray<readonly [string, number]> = [
  ['low', 15],
  ['normal', 50],
  ['high', 25],
  ['urgent', 10],
];
// Mean response and resolution delays per priority, set near each default SLA target so that a
// realistic share (about one ticket in five) breaches.
const RESPONSE_MEAN_MS: Readonly<Record<string, number>> = {
  low: 10 * HOUR_MS,
  normal: 4 * HOUR_MS,
  high: 2 * HOUR_MS,
  urgent: 0.5 * HOUR_MS,
};
const RESOLUTION_MEAN_MS: Readonly<Record<string, number>> = {
  low: 60 * HOUR_MS,
  normal: 36 * HOUR_MS,
  high: 12 * HOUR_MS,
  urgent: 2 * HOUR_MS,
};

/**
 * The history of synthetic contact number `index` as one chain of commands in business-time
 * order: registration, campaign touches, interactions, consent, qualification up the ladder,
 * deals (opened, advanced, won or lost), purchases and tickets (some breaching their SLA). The
 * chain names only its own streams and running campaigns, so chains can run concurrently.
 */
export function syntheticContactChain(
  index: number,
  campaigns: readonly SyntheticCampaign[],
): CommandChain {
  return new ContactHistory(index, campaigns).plan();
}

class ContactHistory {
  private readonly random: SeededRandom;
  private readonly contactId: string;
  private readonly commands: PlannedCommand[] = [];
  private readonly registeredAtMs: number;
  private clockMs: number;
  private sequence = 0;

  constructor(
    private readonly index: number,
    private readonly campaigns: readonly SyntheticCampaign[],
  ) {
    this.random = new SeededRandom(index * 2_654_435_761 + 1);
    this.contactId = `syn-${index}`;
    const registrationSpan = WINDOW_END_MS - FOLLOW_UP_SPAN_MS - WINDOW_START_MS;
    this.registeredAtMs = WINDOW_START_MS + Math.floor(this.random.next() * registrationSpan);
    this.clockMs = this.registeredAtMs;
  }

  plan(): CommandChain {
    const running = campaignsRunningAt(this.campaigns, this.registeredAtMs);
    const campaign = this.random.chance(0.7) ? this.random.pick(running) : undefined;
    const ownerId = this.random.pick(OWNERS);
    this.register(campaign, ownerId);
    if (campaign) this.touches(campaign);
    this.interactions();
    if (this.random.chance(0.5)) {
      const channel = this.random.pick(['email', 'sms', 'phone']);
      this.send('RecordConsent', { channel, granted: this.random.chance(0.85), source: 'form' });
    }
    if (this.random.chance(0.15)) this.send('UpdateContactDetails', { jobTitle: 'Team lead' });
    this.lifecycle(campaign, ownerId);
    const tickets = this.random.weighted([
      [0, 65],
      [1, 27],
      [2, 8],
    ]);
    for (let i = 0; i < tickets; i++) this.ticket();
    return { entity: `contact ${this.contactId}`, commands: this.commands };
  }

  private register(campaign: SyntheticCampaign | undefined, ownerId: string): void {
    const firstName = this.random.pick(FIRST_NAMES);
    const lastName = this.random.pick(LAST_NAMES);
    this.send('RegisterContact', {
      firstName,
      lastName,
      // Unique per contact, so the identity index suspects no duplicates.
      email: `${firstName}.${lastName}.${this.index}@example.com`.toLowerCase(),
      phone: `+44 20 ${String(10_000_000 + this.index).slice(-8)}`,
      source: this.random.pick(SOURCES),
      ...(campaign ? { campaignId: campaign.campaignId } : {}),
      ownerId,
      ...(this.random.chance(0.1) ? { lifecycleStage: 'subscriber' } : {}),
    });
  }

  private touches(campaign: SyntheticCampaign): void {
    for (const kind of ['sent', 'delivered', 'opened', 'clicked', 'responded'] as const) {
      if (kind !== 'sent' && !this.random.chance(kind === 'delivered' ? 0.95 : 0.5)) return;
      this.advance(this.random.exponential(DAY_MS));
      if (this.clockMs >= campaign.endsAtMs) return;
      this.send('RecordCampaignTouch', { campaignId: campaign.campaignId, kind });
    }
  }

  private interactions(): void {
    const count = this.random.weighted([
      [0, 20],
      [1, 25],
      [2, 25],
      [3, 15],
      [4, 10],
      [6, 5],
    ]);
    for (let i = 0; i < count; i++) {
      this.advance(this.random.exponential(4 * DAY_MS));
      this.send('LogInteraction', {
        interactionId: this.nextId('int'),
        kind: this.random.pick(INTERACTION_KINDS),
        direction: this.random.chance(0.6) ? 'outbound' : 'inbound',
        sentiment: this.random.pick(['positive', 'neutral', 'negative']),
        agentId: this.random.pick(AGENTS),
      });
    }
  }

  /** Up the ladder with falling odds; an opportunity opens a deal, a won deal makes a customer. */
  private lifecycle(campaign: SyntheticCampaign | undefined, ownerId: string): void {
    if (!this.random.chance(0.55)) {
      if (this.random.chance(0.2)) this.send('DisqualifyLead', { reason: 'No budget' });
      return;
    }
    this.advance(this.random.exponential(5 * DAY_MS));
    this.send('QualifyLead', {
      qualification: 'marketing',
      ...(campaign ? { campaignId: campaign.campaignId } : {}),
    });
    if (!this.random.chance(0.55)) return;
    this.advance(this.random.exponential(7 * DAY_MS));
    this.send('QualifyLead', { qualification: 'sales' });
    if (!this.random.chance(0.6)) return;
    this.advance(this.random.exponential(3 * DAY_MS));
    this.send('ChangeLifecycleStage', { stage: 'opportunity', reason: 'Asked for a proposal' });
    if (this.deal(campaign, ownerId) !== 'won') return;
    this.send('ChangeLifecycleStage', { stage: 'customer', reason: 'Deal won' });
    this.purchase();
    if (this.random.chance(0.3)) {
      this.advance(this.random.exponential(10 * DAY_MS));
      this.purchase();
    }
    if (this.random.chance(0.1)) {
      this.advance(this.random.exponential(20 * DAY_MS));
      this.send('ChangeLifecycleStage', { stage: 'evangelist', reason: 'Referred a friend' });
    }
  }

  private deal(campaign: SyntheticCampaign | undefined, ownerId: string): 'won' | 'lost' | 'open' {
    const dealId = this.nextId('deal');
    const product = this.random.pick(PRODUCTS);
    this.send('OpenDeal', {
      dealId,
      name: `${product} for ${this.contactId}`,
      amount: this.random.int(5, 500) * 100,
      currency: 'EUR',
      stage: 'qualification',
      probability: 0.2,
      channel: this.random.pick(DEAL_CHANNELS),
      ownerId,
      teamId: this.random.pick(TEAMS),
      product,
      ...(campaign && this.random.chance(0.5) ? { campaignId: campaign.campaignId } : {}),
    });
    for (const [stage, probability] of [
      ['proposal', 0.5],
      ['negotiation', 0.75],
    ] as const) {
      if (!this.random.chance(0.7)) break;
      this.advance(this.random.exponential(6 * DAY_MS));
      this.send('AdvanceDealStage', { dealId, stage, probability }, false);
    }
    const outcome = this.random.weighted([
      ['won', 45],
      ['lost', 35],
      ['open', 20],
    ] as const);
    this.advance(this.random.exponential(8 * DAY_MS));
    if (outcome === 'won') this.send('WinDeal', { dealId }, false);
    if (outcome === 'lost') {
      this.send('LoseDeal', { dealId, reason: 'Chose a competitor' }, false);
    }
    return outcome;
  }

  private purchase(): void {
    const items = [{ sku: `SKU-${this.random.int(1, 200)}`, quantity: 1, unitPrice: 49.5 }];
    this.send('RecordPurchase', {
      orderId: this.nextId('order'),
      items,
      currency: 'EUR',
      channel: 'online',
    });
  }

  /** Opened, responded to and resolved after delays near the SLA targets; most then closed. */
  private ticket(): void {
    this.advance(this.random.exponential(10 * DAY_MS));
    const ticketId = this.nextId('ticket');
    const priority = this.random.weighted(TICKET_PRIORITIES);
    const openedAtMs = this.clockMs;
    this.send('OpenTicket', {
      ticketId,
      subject: 'Cannot export invoices',
      priority,
      channel: this.random.pick(['email', 'phone', 'chat', 'web', 'social']),
      category: this.random.pick(['billing', 'technical', 'account']),
      teamId: this.random.pick(TEAMS),
    });
    if (this.random.chance(0.05)) return;
    const agentId = this.random.pick(AGENTS);
    this.advance(this.random.exponential(RESPONSE_MEAN_MS[priority]!));
    this.send('RespondToTicket', { ticketId, agentId }, false);
    if (this.random.chance(0.05)) return;
    this.clockMs = Math.max(
      this.clockMs + 60_000,
      openedAtMs + this.random.exponential(RESOLUTION_MEAN_MS[priority]!),
    );
    this.send('ResolveTicket', { ticketId, resolution: 'Fixed the export' }, false);
    if (!this.random.chance(0.8)) return;
    this.advance(this.random.exponential(DAY_MS));
    this.send('CloseTicket', { ticketId, satisfactionScore: this.random.int(1, 5) }, false);
  }

  private send(type: CommandType, fields: Record<string, unknown>, aboutContact = true): void {
    this.sequence += 1;
    this.commands.push({
      type,
      idempotencyKey: `${this.contactId}-${this.sequence}`,
      payload: {
        ...(aboutContact ? { contactId: this.contactId } : {}),
        ...fields,
        occurredAt: iso(Math.min(this.clockMs, WINDOW_END_MS)),
      },
    });
  }

  private advance(ms: number): void {
    this.clockMs += Math.max(60_000, Math.round(ms));
  }

  private nextId(kind: string): string {
    return `${this.contactId}-${kind}-${this.sequence + 1}`;
  }
}
