import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { numberField, occurredAtOf, stringField } from '../shared/event-fields';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_CONTACTS,
  CAMPAIGN_DEALS,
  CAMPAIGNS,
} from './campaign-documents';
import {
  changeStage,
  complete,
  launch,
  mergeAway,
  register,
  touch,
  winDeal,
} from './campaign-handlers';
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
 */
export const campaignsProjection: Projection = {
  name: 'campaigns',
  version: 2,
  collections: [CAMPAIGNS, CAMPAIGN_CONTACTS, CAMPAIGN_DEALS, CAMPAIGN_CHANNELS],
  indexes: [{ collection: CAMPAIGNS, fields: ['launched', 'startsAt'] }],
  filter: { eventTypePrefixes: [...CAMPAIGN_EVENT_TYPES] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const ledger = new CampaignLedger(work);
    const { data } = event;
    const at = occurredAtOf(event);
    const contactId = stringField(data, 'contactId');
    const campaignId = stringField(data, 'campaignId');
    switch (event.type) {
      case 'CampaignLaunched':
        return campaignId === undefined ? undefined : launch(ledger, campaignId, data);
      case 'CampaignCompleted':
        if (campaignId !== undefined) await complete(ledger, campaignId);
        return;
      case 'ContactRegistered':
        if (contactId !== undefined) await register(ledger, contactId, data, at);
        return;
      case 'CampaignTouchRecorded':
        if (contactId !== undefined && campaignId !== undefined) {
          await touch(ledger, contactId, campaignId, stringField(data, 'kind') ?? 'unknown', at);
        }
        return;
      case 'LifecycleStageChanged':
        if (contactId !== undefined) await changeStage(ledger, contactId, stringField(data, 'to'));
        return;
      case 'ContactsMerged':
        if (contactId !== undefined && stringField(data, 'duplicateContactId') === contactId) {
          await mergeAway(ledger, contactId);
        }
        return;
      case 'DealOpened': {
        const dealId = stringField(data, 'dealId');
        if (dealId === undefined) return;
        const reference = {
          _id: dealId,
          ...(campaignId && { campaignId }),
          ...(contactId && { contactId }),
        };
        ledger.saveDeal(reference);
        return;
      }
      case 'DealWon':
        return winDeal(
          ledger,
          stringField(data, 'dealId'),
          contactId,
          numberField(data, 'amount') ?? 0,
        );
    }
  },
};
