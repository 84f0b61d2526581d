import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { stringField } from '../shared/event-fields';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_CONTACTS,
  CAMPAIGN_DEALS,
  CAMPAIGNS,
} from './campaign-documents';
import { recordCampaignFact, recordContactFact, recordDealFact, touch } from './campaign-handlers';
import { CampaignLedger } from './campaign-ledger';
const CAMPAIGN_EVENT_TYPES = [
  'CampaignLaunched',
  'CampaignCompleted',
  'CampaignTouchRecorded',
  'ContactRegistered',
  'LifecycleStageChanged',
  'ContactsMerged',
  'DealOpened',
  'DealWon',
] as const;

/**
 * `campaigns`: one counter document per campaign (CampaignDocument), one attribution document per
 * contact and one reference per deal. The view reads only campaign documents (few), so it stays
 * fast at any number of contacts; the contact and deal documents are read by id at apply time.
 * The list's window selects on `startsAt`, hence the index.
 *
 * Version 2 keeps, per channel, how many contacts have two campaigns as neighbours in their
 * campaign order (campaign-reach.ts), so the breakdown by channel counts distinct contacts.
 *
 * Version 3 keeps each campaign's, contact's and deal's facts in business-time order
 * (shared/business-time.ts) and refolds its figures from them: the attribution models other than
 * first touch and every `validAt` answer fold them at query time (campaign-credits.ts), and the
 * live counters equal the fold whatever order facts were recorded in.
 */
export const campaignsProjection: Projection = {
  name: 'campaigns',
  version: 3,
  collections: [CAMPAIGNS, CAMPAIGN_CONTACTS, CAMPAIGN_DEALS, CAMPAIGN_CHANNELS],
  indexes: [
    { collection: CAMPAIGNS, fields: ['launched', 'startsAt'] },
    { collection: CAMPAIGN_CONTACTS, fields: ['firstCampaignContactAt'] },
    { collection: CAMPAIGN_CONTACTS, fields: ['campaignContacts'] },
    { collection: CAMPAIGN_DEALS, fields: ['firstWonAt'] },
  ],
  filter: { eventTypePrefixes: [...CAMPAIGN_EVENT_TYPES] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const ledger = new CampaignLedger(work);
    const { data } = event;
    const contactId = stringField(data, 'contactId');
    const campaignId = stringField(data, 'campaignId');
    const dealId = stringField(data, 'dealId');
    switch (event.type) {
      case 'CampaignLaunched':
      case 'CampaignCompleted':
        if (campaignId !== undefined) await recordCampaignFact(ledger, campaignId, event);
        return;
      case 'ContactRegistered':
      case 'LifecycleStageChanged':
        if (contactId !== undefined) await recordContactFact(ledger, contactId, event);
        return;
      case 'ContactsMerged':
        // Written on both contacts' streams; only the merged-away one changes.
        if (contactId !== undefined && stringField(data, 'duplicateContactId') === contactId) {
          await recordContactFact(ledger, contactId, event);
        }
        return;
      case 'CampaignTouchRecorded':
        if (contactId !== undefined && campaignId !== undefined) {
          await touch(ledger, contactId, campaignId, event);
        }
        return;
      case 'DealOpened':
      case 'DealWon':
        if (dealId !== undefined) await recordDealFact(ledger, dealId, event);
        return;
    }
  },
};
