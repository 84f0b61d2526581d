import { defineCommand, notFound, onStream, ruleViolated } from '../shared/decider';
import { isRepeatedCreation } from '../shared/creation';
import { pickDefined } from '../shared/objects';
import { campaignStreamId, contactStreamId } from '../shared/stream-ids';
import { isAfter } from '../shared/time';
import { requireActiveContact } from '../contacts/contact-guards';
import { type ContactState } from '../contacts/contact-state';
import {
  type CampaignTouchEvent,
  type CompleteCampaign,
  type LaunchCampaign,
  type RecordCampaignTouch,
} from './campaign-events';
import { type CampaignState } from './campaign-state';

export const launchCampaign = defineCommand<LaunchCampaign, CampaignState>({
  commandType: 'LaunchCampaign',
  streamId: (payload) => campaignStreamId(payload.campaignId),
  decide(payload, state) {
    const streamId = campaignStreamId(payload.campaignId);
    const data = pickDefined(payload, [
      'campaignId',
      'name',
      'channel',
      'startsAt',
      'endsAt',
      'budget',
      'currency',
      'goal',
    ]);
    if (state.status !== 'none') {
      isRepeatedCreation(state.launched, data, `Campaign ${payload.campaignId}`);
      return onStream(streamId, []);
    }
    return onStream(streamId, [{ type: 'CampaignLaunched', data }]);
  },
});

/** Completing a completed campaign asks for the state it is already in: no events, no error. */
export const completeCampaign = defineCommand<CompleteCampaign, CampaignState>({
  commandType: 'CompleteCampaign',
  streamId: (payload) => campaignStreamId(payload.campaignId),
  decide(payload, state) {
    const streamId = campaignStreamId(payload.campaignId);
    if (state.status === 'none') notFound(`Campaign ${payload.campaignId} does not exist`);
    if (state.status === 'completed') return onStream(streamId, []);
    return onStream(streamId, [
      { type: 'CampaignCompleted', data: { campaignId: payload.campaignId } },
    ]);
  },
});

/**
 * A touch that happened (by business time) before the campaign's completion is still accepted, so
 * late deliveries and backfills of a finished campaign are not lost.
 */
export const recordCampaignTouch = defineCommand<
  RecordCampaignTouch,
  ContactState,
  { campaign: CampaignState }
>({
  commandType: 'RecordCampaignTouch',
  streamId: (payload) => contactStreamId(payload.contactId),
  related: (payload) => ({ campaign: campaignStreamId(payload.campaignId) }),
  decide(payload, state, ctx) {
    const { campaignId, contactId, kind } = payload;
    requireActiveContact(state, contactId);
    const campaign = ctx.related.campaign;
    if (campaign.status === 'none') notFound(`Campaign ${campaignId} does not exist`);
    if (campaign.status === 'completed' && isAfter(ctx.occurredAt, campaign.completedAt)) {
      ruleViolated(
        `Campaign ${campaignId} was completed at ${campaign.completedAt}; it takes no touches after that`,
      );
    }
    const touch: CampaignTouchEvent = {
      type: 'CampaignTouchRecorded',
      data: { contactId, campaignId, kind },
    };
    return onStream(contactStreamId(contactId), [touch]);
  },
});
