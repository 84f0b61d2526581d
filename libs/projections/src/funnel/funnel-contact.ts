import type { ReadDocument } from '@chronicle/read-store';
import { type EventLike, occurredAtOf, secondsBetween, stringField } from '../shared/event-fields';
import { ladderRankOf } from '../shared/ladder';

/**
 * One contact as the funnel needs it, everything precomputed at apply time so the query is a
 * single indexed `find` and one pass: the filters (`registeredAt`, `campaignId`, `ownerId`,
 * `source`) are top-level indexed fields, and the stage history is already reduced to the current
 * stage, the highest ladder rank and the seconds of finished stays per stage.
 */
export type FunnelContact = {
  _id: string;
  /** Business time of ContactRegistered, UTC ISO: the cohort key. */
  registeredAt: string;
  /** First-touch campaign: of the registration's campaign and the touches, the earliest by business time. */
  campaignId?: string;
  campaignAt?: string;
  /** The current owner. */
  ownerId?: string;
  source?: string;
  stage: string;
  stageEnteredAt: string;
  /** Highest ladder rank ever held (0 = subscriber … 6 = evangelist); -1 if only ever `other`. */
  highestRank: number;
  /** Stage → total seconds of the stays in it that have ended (the contact moved on). */
  secondsInStage: Record<string, number>;
  /** Set when this contact was merged into another: the survivor carries the person. */
  mergedInto?: string;
};

/** The contact id whose funnel document `event` changes, or undefined when the funnel ignores it. */
export function funnelContactIdOf(event: EventLike): string | undefined {
  return FUNNEL_TYPES.has(event.type) ? stringField(event.data, 'contactId') : undefined;
}

/** The event types the funnel reads; every one names its contact in `data.contactId`. */
export const FUNNEL_EVENT_TYPES = [
  'ContactRegistered',
  'LifecycleStageChanged',
  'ContactOwnerAssigned',
  'CampaignTouchRecorded',
  'ContactsMerged',
] as const;
const FUNNEL_TYPES: ReadonlySet<string> = new Set(FUNNEL_EVENT_TYPES);

/**
 * The pure fold of one contact's funnel document. Returns the document unchanged (the same
 * object) when the event changes nothing, so the projection can skip the write.
 */
export function evolveFunnelContact(
  contact: FunnelContact | undefined,
  event: EventLike,
): FunnelContact | undefined {
  const at = occurredAtOf(event);
  const { data } = event;
  if (event.type === 'ContactRegistered') {
    return contact ?? registered(data, at);
  }
  if (!contact) return contact;
  switch (event.type) {
    case 'LifecycleStageChanged':
      return enterStage(contact, stringField(data, 'to') ?? contact.stage, at);
    case 'ContactOwnerAssigned': {
      const ownerId = stringField(data, 'ownerId');
      return ownerId === undefined ? contact : { ...contact, ownerId };
    }
    case 'CampaignTouchRecorded': {
      const campaignId = stringField(data, 'campaignId');
      // Strictly earlier: of two contacts at the same time, the one recorded first keeps it.
      const earlier = contact.campaignAt === undefined || at < contact.campaignAt;
      return campaignId !== undefined && earlier
        ? { ...contact, campaignId, campaignAt: at }
        : contact;
    }
    case 'ContactsMerged': {
      const survivor = stringField(data, 'survivorContactId');
      const mergedAway = stringField(data, 'duplicateContactId') === contact._id;
      return mergedAway && survivor !== undefined ? { ...contact, mergedInto: survivor } : contact;
    }
    default:
      return contact;
  }
}

function registered(data: EventLike['data'], at: string): FunnelContact {
  const contactId = stringField(data, 'contactId') ?? '';
  const stage = stringField(data, 'lifecycleStage') ?? 'lead';
  const campaignId = stringField(data, 'campaignId');
  const ownerId = stringField(data, 'ownerId');
  const source = stringField(data, 'source');
  return {
    _id: contactId,
    registeredAt: at,
    ...(campaignId !== undefined && { campaignId, campaignAt: at }),
    ...(ownerId !== undefined && { ownerId }),
    ...(source !== undefined && { source }),
    stage,
    stageEnteredAt: at,
    highestRank: ladderRankOf(stage),
    secondsInStage: {},
  };
}

function enterStage(contact: FunnelContact, stage: string, at: string): FunnelContact {
  const stay = secondsBetween(contact.stageEnteredAt, at);
  return {
    ...contact,
    stage,
    stageEnteredAt: at,
    highestRank: Math.max(contact.highestRank, ladderRankOf(stage)),
    secondsInStage: {
      ...contact.secondsInStage,
      [contact.stage]: (contact.secondsInStage[contact.stage] ?? 0) + stay,
    },
  };
}

/** Reads a stored document back as a funnel contact (the projection alone writes them). */
export function asFunnelContact(document: ReadDocument): FunnelContact {
  return document as FunnelContact;
}
