import { type EventLike, occurredAtOf, secondsBetween } from '../shared/event-fields';
import { ladderRankOf } from '../shared/ladder';
import { type ProjectedEventOf, projectedEvent } from '../shared/projected-event';

/**
 * One contact as the funnel needs it, everything precomputed so the query is a single indexed
 * `find` and one pass: the filters (`registeredAt`, `campaignId`, `ownerId`, `source`) are
 * top-level indexed fields, and the stage history is already reduced to the current stage, the
 * highest ladder rank and the seconds of finished stays per stage.
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

/**
 * What the funnel knows of a contact before its registration by business time: facts recorded
 * after the registration but dated before it (backfills). A campaign touch still counts for the
 * first touch, an owner assignment stands unless the registration names an owner, and a merge
 * still takes the contact out; a stage change before the contact existed is not a stay.
 */
export type FunnelPrelude = {
  _id: string;
  registeredAt?: undefined;
  campaignId?: string;
  campaignAt?: string;
  ownerId?: string;
  mergedInto?: string;
};

/** The state the funnel folds a contact's facts into. */
export type FunnelFold = FunnelContact | FunnelPrelude;

export function isRegistered(fold: FunnelFold | undefined): fold is FunnelContact {
  return fold?.registeredAt !== undefined;
}

/** The contact id whose funnel document `event` changes, or undefined when the funnel ignores it. */
export function funnelContactIdOf(event: EventLike): string | undefined {
  return projectedEvent(event, FUNNEL_TYPES)?.data.contactId;
}

/** The event types the funnel reads; every one names its contact in `data.contactId`. */
export const FUNNEL_EVENT_TYPES = [
  'ContactRegistered',
  'LifecycleStageChanged',
  'ContactOwnerAssigned',
  'CampaignTouchRecorded',
  'ContactsMerged',
] as const;
const FUNNEL_TYPES = new Set(FUNNEL_EVENT_TYPES);

/** The fields of each event's data the fold reads: what a contact's facts keep (no personal data). */
export const FUNNEL_FACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ContactRegistered: ['contactId', 'lifecycleStage', 'campaignId', 'ownerId', 'source'],
  LifecycleStageChanged: ['contactId', 'to'],
  ContactOwnerAssigned: ['contactId', 'ownerId'],
  CampaignTouchRecorded: ['contactId', 'campaignId'],
  ContactsMerged: ['contactId', 'survivorContactId', 'duplicateContactId'],
};

/**
 * The pure fold of one contact, fed its events in business-time order (ties by position), both
 * live and as of a business moment. Returns the state unchanged (the same object) when the event
 * changes nothing.
 */
export function evolveFunnelContact(
  contact: FunnelFold | undefined,
  event: EventLike,
): FunnelFold | undefined {
  const typed = projectedEvent(event, FUNNEL_TYPES);
  if (!typed) return contact;
  const at = occurredAtOf(event);
  if (typed.type === 'ContactRegistered') {
    return isRegistered(contact) ? contact : registered(typed.data, at, contact);
  }
  const { data } = typed;
  const known = contact ?? { _id: data.contactId };
  switch (typed.type) {
    case 'LifecycleStageChanged':
      return isRegistered(contact) ? enterStage(contact, typed.data.to, at) : contact;
    case 'ContactOwnerAssigned':
      return { ...known, ownerId: typed.data.ownerId };
    case 'CampaignTouchRecorded': {
      // Strictly earlier: of two touches at the same time, the first by position keeps it.
      const earlier = known.campaignAt === undefined || at < known.campaignAt;
      return earlier ? { ...known, campaignId: typed.data.campaignId, campaignAt: at } : contact;
    }
    case 'ContactsMerged': {
      const mergedAway = typed.data.duplicateContactId === known._id;
      return mergedAway ? { ...known, mergedInto: typed.data.survivorContactId } : contact;
    }
  }
}

function registered(
  data: ProjectedEventOf<'ContactRegistered'>['data'],
  at: string,
  prelude: FunnelPrelude | undefined,
): FunnelContact {
  // A fact keeps only FUNNEL_FACT_FIELDS, so the fold reads no other field.
  const { contactId, source } = data;
  const stage = data.lifecycleStage ?? 'lead';
  // A touch dated before the registration (in business order, so never later) is the first one.
  const campaignId = prelude?.campaignId ?? data.campaignId;
  const campaignAt = prelude?.campaignId !== undefined ? prelude.campaignAt : at;
  const ownerId = data.ownerId ?? prelude?.ownerId;
  const mergedInto = prelude?.mergedInto;
  return {
    _id: contactId,
    registeredAt: at,
    ...(campaignId !== undefined && { campaignId, campaignAt }),
    ...(ownerId !== undefined && { ownerId }),
    ...(source !== undefined && { source }),
    stage,
    stageEnteredAt: at,
    highestRank: ladderRankOf(stage),
    secondsInStage: {},
    ...(mergedInto !== undefined && { mergedInto }),
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
