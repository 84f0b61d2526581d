import {
  defineCommand,
  onStream,
  type DomainEvent,
  type EventMeta,
  type EventOf,
  type StreamModel,
} from '../shared/decider';
import { narrowEvent } from '../shared/narrow';
import { SLA_POLICIES_STREAM_ID } from '../shared/stream-ids';
import { addSeconds } from '../shared/time';

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export type SlaTargets = { firstResponseSeconds: number; resolutionSeconds: number };

const HOUR = 3600;
export const DEFAULT_SLA_POLICIES: Readonly<Record<TicketPriority, SlaTargets>> = {
  urgent: { firstResponseSeconds: 1 * HOUR, resolutionSeconds: 4 * HOUR },
  high: { firstResponseSeconds: 4 * HOUR, resolutionSeconds: 24 * HOUR },
  normal: { firstResponseSeconds: 8 * HOUR, resolutionSeconds: 72 * HOUR },
  low: { firstResponseSeconds: 24 * HOUR, resolutionSeconds: 120 * HOUR },
};

export type DefineSlaPolicy = SlaTargets & { priority: TicketPriority };

export type SlaPolicyEvent = EventOf<'SlaPolicyDefined', DefineSlaPolicy>;

/** A policy is in force from the business time it was defined at (its event's occurredAt). */
export type SlaPolicy = DefineSlaPolicy & { effectiveFrom: string };

/** Every definition ever made: a ticket backfilled into the past needs the policy of its time. */
export type SlaPoliciesState = { policies: SlaPolicy[] };

export const slaPoliciesStreamModel: StreamModel<SlaPoliciesState> = {
  initialState: { policies: [] },
  evolve(state: SlaPoliciesState, raw: DomainEvent, meta: EventMeta): SlaPoliciesState {
    const event = narrowEvent<SlaPolicyEvent>({ SlaPolicyDefined: true }, raw);
    if (!event) return state;
    return { policies: [...state.policies, { ...event.data, effectiveFrom: meta.occurredAt }] };
  },
};

/** Each definition is kept, even an identical one: it re-affirms the policy from its own time. */
export const defineSlaPolicy = defineCommand<DefineSlaPolicy, SlaPoliciesState>({
  commandType: 'DefineSlaPolicy',
  streamId: () => SLA_POLICIES_STREAM_ID,
  decide({ priority, firstResponseSeconds, resolutionSeconds }) {
    return onStream(SLA_POLICIES_STREAM_ID, [
      { type: 'SlaPolicyDefined', data: { priority, firstResponseSeconds, resolutionSeconds } },
    ]);
  },
});

/** The latest definition for the priority in force at `at`; of two at the same time, the later one. */
export function slaTargetsInForce(
  state: SlaPoliciesState,
  priority: TicketPriority,
  at: string,
): SlaTargets {
  const atMs = Date.parse(at);
  let best: SlaPolicy | undefined;
  for (const policy of state.policies) {
    const from = Date.parse(policy.effectiveFrom);
    if (policy.priority !== priority || from > atMs) continue;
    if (!best || from >= Date.parse(best.effectiveFrom)) best = policy;
  }
  return best ?? DEFAULT_SLA_POLICIES[priority];
}

export function dueTimes(
  targets: SlaTargets,
  openedAt: string,
): { firstResponseDueAt: string; resolutionDueAt: string } {
  return {
    firstResponseDueAt: addSeconds(openedAt, targets.firstResponseSeconds),
    resolutionDueAt: addSeconds(openedAt, targets.resolutionSeconds),
  };
}
