import { defineCommand, onStream, ruleViolated } from '../shared/decider';
import { contactStreamId } from '../shared/stream-ids';
import {
  type ChangeLifecycleStage,
  type DisqualifyLead,
  type QualifyLead,
  type SetLeadStatus,
} from './contact-commands';
import { type ContactEvent } from './contact-events';
import { requireActiveContact } from './contact-guards';
import { type ActiveContact, type ContactState } from './contact-state';
import {
  isLadderStage,
  ladderRank,
  QUALIFICATION_STAGES,
  type LadderStage,
  type LifecycleStage,
} from './lifecycle';

export const changeLifecycleStage = defineCommand<ChangeLifecycleStage, ContactState>({
  commandType: 'ChangeLifecycleStage',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state, ctx) {
    const contact = requireActiveContact(state, payload.contactId);
    const { stage } = payload;
    if (stage === contact.lifecycleStage) {
      ruleViolated(`Contact ${contact.contactId} is already in stage ${stage}`);
    }
    const backward = movesBack(contact, stage);
    if (backward && payload.allowBackward !== true) {
      ruleViolated(
        `Contact ${contact.contactId} cannot move back from ${contact.lastLadderStage} to ${stage}: the ladder is forward-only unless an admin sends allowBackward: true`,
      );
    }
    if (backward && !ctx.actorRoles.includes('admin')) {
      ruleViolated(`Only an admin may move contact ${contact.contactId} back to ${stage}`);
    }
    return onStream(contactStreamId(contact.contactId), [
      stageChanged(contact, stage, payload.reason, backward),
    ]);
  },
});

/**
 * `other` stands off the ladder: moving there is never backward, and a move out of it is measured
 * against the ladder stage held before, so a detour through `other` cannot undo progress.
 */
function movesBack(contact: ActiveContact, stage: LifecycleStage): boolean {
  const from = contact.lastLadderStage;
  return isLadderStage(stage) && from !== undefined && ladderRank(stage) < ladderRank(from);
}

function stageChanged(
  contact: ActiveContact,
  to: LifecycleStage,
  reason: string | undefined,
  backward: boolean,
): ContactEvent {
  return {
    type: 'LifecycleStageChanged',
    data: {
      contactId: contact.contactId,
      from: contact.lifecycleStage,
      to,
      ...(reason !== undefined && { reason }),
      ...(backward && { backward: true }),
    },
  };
}

export const qualifyLead = defineCommand<QualifyLead, ContactState>({
  commandType: 'QualifyLead',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state) {
    const contact = requireActiveContact(state, payload.contactId);
    const target = QUALIFICATION_STAGES[payload.qualification];
    if (hasReached(contact.lastLadderStage, target)) {
      ruleViolated(
        `Contact ${contact.contactId} is at ${contact.lastLadderStage}, already past the ${payload.qualification} qualification`,
      );
    }
    const { contactId, qualification, reason, campaignId } = payload;
    return onStream(contactStreamId(contactId), [
      {
        type: 'LeadQualified',
        data: {
          contactId,
          qualification,
          ...(reason !== undefined && { reason }),
          ...(campaignId !== undefined && { campaignId }),
        },
      },
      stageChanged(contact, target, reason, false),
    ]);
  },
});

function hasReached(current: LadderStage | undefined, target: LadderStage): boolean {
  return current !== undefined && ladderRank(current) >= ladderRank(target);
}

/** Disqualifying an already unqualified lead records the new reason; it is not refused. */
export const disqualifyLead = defineCommand<DisqualifyLead, ContactState>({
  commandType: 'DisqualifyLead',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state) {
    const contact = requireActiveContact(state, payload.contactId);
    return onStream(contactStreamId(contact.contactId), [
      { type: 'LeadDisqualified', data: { contactId: contact.contactId, reason: payload.reason } },
    ]);
  },
});

export const setLeadStatus = defineCommand<SetLeadStatus, ContactState>({
  commandType: 'SetLeadStatus',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state) {
    const contact = requireActiveContact(state, payload.contactId);
    const streamId = contactStreamId(contact.contactId);
    if (payload.status === contact.leadStatus) return onStream(streamId, []);
    return onStream(streamId, [
      {
        type: 'LeadStatusChanged',
        data: { contactId: contact.contactId, from: contact.leadStatus, to: payload.status },
      },
    ]);
  },
});
