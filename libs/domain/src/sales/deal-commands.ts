import { defineCommand, notFound, onStream, ruleViolated } from '../shared/decider';
import { isRepeatedCreation } from '../shared/creation';
import { pickDefined } from '../shared/objects';
import { contactStreamId, dealStreamId } from '../shared/stream-ids';
import { requireActiveContact } from '../contacts/contact-guards';
import { type ContactState } from '../contacts/contact-state';
import {
  RESERVED_DEAL_STAGES,
  type AdvanceDealStage,
  type DealOpenedData,
  type LoseDeal,
  type OpenDeal,
  type WinDeal,
} from './deal-events';
import { type DealState, type ExistingDeal } from './deal-state';

const DEAL_OPENED_FIELDS = [
  'dealId',
  'contactId',
  'accountId',
  'name',
  'amount',
  'currency',
  'stage',
  'probability',
  'expectedCloseDate',
  'channel',
  'ownerId',
  'teamId',
  'product',
  'campaignId',
] as const satisfies ReadonlyArray<keyof DealOpenedData>;

export const openDeal = defineCommand<OpenDeal, DealState, { contact?: ContactState }>({
  commandType: 'OpenDeal',
  streamId: (payload) => dealStreamId(payload.dealId),
  related: (payload) =>
    payload.contactId === undefined ? {} : { contact: contactStreamId(payload.contactId) },
  decide(payload, state, ctx) {
    const streamId = dealStreamId(payload.dealId);
    const data: DealOpenedData = pickDefined(payload, DEAL_OPENED_FIELDS);
    if (state.status !== 'none') {
      requireNotClosed(state, payload.dealId);
      isRepeatedCreation(state.opened, data, `Deal ${payload.dealId}`);
      return onStream(streamId, []);
    }
    requireUnreservedStage(payload.stage);
    if (payload.contactId !== undefined)
      requireActiveContact(ctx.related.contact, payload.contactId);
    return onStream(streamId, [{ type: 'DealOpened', data }]);
  },
});

export const advanceDealStage = defineCommand<AdvanceDealStage, DealState>({
  commandType: 'AdvanceDealStage',
  streamId: (payload) => dealStreamId(payload.dealId),
  decide(payload, state) {
    const deal = requireOpenDeal(state, payload.dealId);
    const { stage, probability } = payload;
    requireUnreservedStage(stage);
    const streamId = dealStreamId(payload.dealId);
    if (stage === deal.stage && (probability === undefined || probability === deal.probability)) {
      return onStream(streamId, []);
    }
    return onStream(streamId, [
      {
        type: 'DealStageAdvanced',
        data: {
          ...dealRef(deal),
          stage,
          previousStage: deal.stage,
          ...(probability !== undefined && { probability }),
        },
      },
    ]);
  },
});

export const winDeal = defineCommand<WinDeal, DealState>({
  commandType: 'WinDeal',
  streamId: (payload) => dealStreamId(payload.dealId),
  decide(payload, state) {
    const deal = requireOpenDeal(state, payload.dealId);
    return onStream(dealStreamId(payload.dealId), [
      {
        type: 'DealWon',
        data: {
          ...dealRef(deal),
          amount: payload.amount ?? deal.amount,
          currency: deal.opened.currency,
          previousAmount: deal.amount,
        },
      },
    ]);
  },
});

export const loseDeal = defineCommand<LoseDeal, DealState>({
  commandType: 'LoseDeal',
  streamId: (payload) => dealStreamId(payload.dealId),
  decide(payload, state) {
    const deal = requireOpenDeal(state, payload.dealId);
    return onStream(dealStreamId(payload.dealId), [
      {
        type: 'DealLost',
        data: { ...dealRef(deal), ...(payload.reason !== undefined && { reason: payload.reason }) },
      },
    ]);
  },
});

function requireOpenDeal(state: DealState, dealId: string): ExistingDeal {
  if (state.status === 'none') notFound(`Deal ${dealId} does not exist`);
  requireNotClosed(state, dealId);
  return state;
}

function requireNotClosed(deal: ExistingDeal, dealId: string): void {
  if (deal.status !== 'open')
    ruleViolated(`Deal ${dealId} is ${deal.status} and takes no further commands`);
}

/** Checked here too, not only in the DTO: an open deal in stage "won" would mislead every view. */
function requireUnreservedStage(stage: string): void {
  const normalised = stage.trim().toLowerCase();
  if ((RESERVED_DEAL_STAGES as readonly string[]).includes(normalised)) {
    ruleViolated(`"${stage}" is reserved for a deal's outcome; use WinDeal or LoseDeal`);
  }
}

function dealRef(deal: ExistingDeal): { dealId: string; contactId?: string } {
  const { dealId, contactId } = deal.opened;
  return { dealId, ...(contactId !== undefined && { contactId }) };
}
