import { type DomainEvent, type StreamModel } from '../shared/decider';
import { narrowEvent } from '../shared/narrow';
import { type DealEvent, type DealOpenedData } from './deal-events';

export type ExistingDeal = {
  status: 'open' | 'won' | 'lost';
  /** Kept whole so a repeated OpenDeal can be recognised. */
  opened: DealOpenedData;
  stage: string;
  probability?: number;
  amount: number;
};

export type DealState = { status: 'none' } | ExistingDeal;

const DEAL_EVENT_TYPES: Record<DealEvent['type'], true> = {
  DealOpened: true,
  DealStageAdvanced: true,
  DealWon: true,
  DealLost: true,
};

export function evolveDeal(state: DealState, raw: DomainEvent): DealState {
  const event = narrowEvent<DealEvent>(DEAL_EVENT_TYPES, raw);
  if (!event) return state;
  if (event.type === 'DealOpened') {
    const { stage, probability, amount } = event.data;
    return state.status === 'none'
      ? {
          status: 'open',
          opened: event.data,
          stage,
          amount,
          ...(probability !== undefined && { probability }),
        }
      : state;
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DealStageAdvanced': {
      const { stage, probability } = event.data;
      return { ...state, stage, ...(probability !== undefined && { probability }) };
    }
    case 'DealWon':
      return { ...state, status: 'won', amount: event.data.amount };
    case 'DealLost':
      return { ...state, status: 'lost' };
  }
}

export const dealStreamModel: StreamModel<DealState> = {
  initialState: { status: 'none' },
  evolve: evolveDeal,
};
