import { type EventOf } from '../shared/decider';

/** Stage names a pipeline may not use: they are the deal's outcomes, reached by WinDeal/LoseDeal. */
export const RESERVED_DEAL_STAGES = ['won', 'lost'] as const;

export type DealOpenedData = {
  dealId: string;
  contactId?: string;
  accountId?: string;
  name: string;
  amount: number;
  currency: string;
  stage: string;
  probability?: number;
  expectedCloseDate?: string;
  channel: string;
  ownerId: string;
  teamId?: string;
  product?: string;
  campaignId?: string;
};

export type OpenDeal = DealOpenedData;

export interface AdvanceDealStage {
  dealId: string;
  stage: string;
  probability?: number;
}

export interface WinDeal {
  dealId: string;
  amount?: number;
}

export interface LoseDeal {
  dealId: string;
  reason?: string;
}

/** Every deal event names its contact (when it has one) so projections need no lookup. */
type DealRef = { dealId: string; contactId?: string };

export type DealEvent =
  | EventOf<'DealOpened', DealOpenedData>
  | EventOf<
      'DealStageAdvanced',
      DealRef & { stage: string; previousStage: string; probability?: number }
    >
  | EventOf<'DealWon', DealRef & { amount: number; currency: string; previousAmount: number }>
  | EventOf<'DealLost', DealRef & { reason?: string }>;
