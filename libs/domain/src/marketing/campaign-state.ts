import { type DomainEvent, type EventMeta, type StreamModel } from '../shared/decider';
import { narrowEvent } from '../shared/narrow';
import { type CampaignEvent, type CampaignLaunchedData } from './campaign-events';

export type CampaignState =
  | { status: 'none' }
  | { status: 'running'; launched: CampaignLaunchedData }
  | { status: 'completed'; launched: CampaignLaunchedData; completedAt: string };

export function evolveCampaign(
  state: CampaignState,
  raw: DomainEvent,
  meta: EventMeta,
): CampaignState {
  const event = narrowEvent<CampaignEvent>(
    { CampaignLaunched: true, CampaignCompleted: true },
    raw,
  );
  switch (event?.type) {
    case 'CampaignLaunched':
      return state.status === 'none' ? { status: 'running', launched: event.data } : state;
    case 'CampaignCompleted':
      return state.status === 'running'
        ? { status: 'completed', launched: state.launched, completedAt: meta.occurredAt }
        : state;
    case undefined:
      return state;
  }
}

export const campaignStreamModel: StreamModel<CampaignState> = {
  initialState: { status: 'none' },
  evolve: evolveCampaign,
};
