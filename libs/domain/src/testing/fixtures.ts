import { type ContactRegisteredData } from '../contacts/contact-events';
import { type ChronicleEvent } from '../events';
import { type CampaignLaunchedData } from '../marketing/campaign-events';
import { type DealOpenedData } from '../sales/deal-events';
import { type TicketOpenedData } from '../service/ticket-events';

export function contactRegistered(
  contactId: string,
  extra: Partial<ContactRegisteredData> = {},
): ChronicleEvent {
  return {
    type: 'ContactRegistered',
    data: {
      contactId,
      firstName: 'Ada',
      email: 'ada@example.com',
      lifecycleStage: 'lead',
      leadStatus: 'new',
      ...extra,
    },
  };
}

export function campaignLaunched(
  campaignId: string,
  extra: Partial<CampaignLaunchedData> = {},
): ChronicleEvent {
  return {
    type: 'CampaignLaunched',
    data: {
      campaignId,
      name: 'Spring',
      channel: 'email',
      startsAt: '2025-03-01T00:00:00.000Z',
      budget: 1000,
      currency: 'EUR',
      ...extra,
    },
  };
}

export function dealOpened(dealId: string, extra: Partial<DealOpenedData> = {}): ChronicleEvent {
  return {
    type: 'DealOpened',
    data: {
      dealId,
      contactId: 'C1',
      name: 'Renewal',
      amount: 5000,
      currency: 'EUR',
      stage: 'prospecting',
      channel: 'online',
      ownerId: 'U1',
      ...extra,
    },
  };
}

export function ticketOpened(
  ticketId: string,
  extra: Partial<TicketOpenedData> = {},
): ChronicleEvent {
  return {
    type: 'TicketOpened',
    data: {
      ticketId,
      contactId: 'C1',
      subject: 'Cannot log in',
      priority: 'normal',
      channel: 'email',
      firstResponseDueAt: '2025-03-01T17:00:00.000Z',
      resolutionDueAt: '2025-03-04T09:00:00.000Z',
      ...extra,
    },
  };
}
