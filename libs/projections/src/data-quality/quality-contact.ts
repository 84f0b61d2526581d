import type { Fact } from '../shared/business-time';
import { ALL_SLICE, dayOf, type Placement, type SummaryAlgebra } from '../shared/day-summaries';

/** One contact as the data-quality view judges it; no personal value is kept, only presence. */
export type QualityContact = {
  _id: string;
  /** False for a contact only named so far (by a suspicion or an activity before its registration). */
  registered: boolean;
  status: 'live' | 'erased' | 'merged';
  /** The survivor of the merge that took this contact away. */
  mergedInto: string | null;
  hasFirstName: boolean;
  hasLastName: boolean;
  hasEmail: boolean;
  hasPhone: boolean;
  hasOwner: boolean;
  /** The latest business time of an event on any of the contact's streams (UTC ISO). */
  lastActivityAt: string | null;
  /** Suspected duplicate pairs it belongs to that no merge of the two has settled. */
  openPairs: number;
  /**
   * Every event naming the contact, in business-time order, as applyToQuality reads it (presence
   * flags, never personal values): the source of the as-of answer. Absent from as-of folds.
   */
  facts?: Fact[];
};

export function unregisteredContact(contactId: string): QualityContact {
  return {
    _id: contactId,
    registered: false,
    status: 'live',
    mergedInto: null,
    hasFirstName: false,
    hasLastName: false,
    hasEmail: false,
    hasPhone: false,
    hasOwner: false,
    lastActivityAt: null,
    openPairs: 0,
  };
}

/** What a set of contacts adds to the view; every part is a count, so summaries add up. */
export interface QualitySummary {
  /** Registered contacts, whatever their status. */
  registered: number;
  live: number;
  missingName: number;
  missingEmail: number;
  missingPhone: number;
  missingOwner: number;
  /** Live contacts in at least one open suspected pair. */
  inOpenPairs: number;
  erased: number;
  merged: number;
}

const COUNTS = [
  'registered',
  'live',
  'missingName',
  'missingEmail',
  'missingPhone',
  'missingOwner',
  'inOpenPairs',
  'erased',
  'merged',
] as const satisfies ReadonlyArray<keyof QualitySummary>;

export const qualityAlgebra: SummaryAlgebra<QualitySummary> = {
  empty: () => ({
    registered: 0,
    live: 0,
    missingName: 0,
    missingEmail: 0,
    missingPhone: 0,
    missingOwner: 0,
    inOpenPairs: 0,
    erased: 0,
    merged: 0,
  }),
  add(into, contribution, sign) {
    for (const count of COUNTS) into[count] += sign * contribution[count];
  },
  isEmpty: (summary) => summary.registered === 0,
};

export function qualityContribution(contact: QualityContact): QualitySummary {
  const live = contact.status === 'live';
  const counts = (condition: boolean) => (live && condition ? 1 : 0);
  return {
    registered: 1,
    live: live ? 1 : 0,
    missingName: counts(!contact.hasFirstName && !contact.hasLastName),
    missingEmail: counts(!contact.hasEmail),
    missingPhone: counts(!contact.hasPhone),
    missingOwner: counts(!contact.hasOwner),
    inOpenPairs: counts(contact.openPairs > 0),
    erased: contact.status === 'erased' ? 1 : 0,
    merged: contact.status === 'merged' ? 1 : 0,
  };
}

/**
 * Where a contact counts: the day of its latest activity, so "stale since" is a range of days
 * (plus the contacts of the cut-off day) and the totals are the sum of every day.
 */
export function qualityPlacement(
  contact: QualityContact | undefined,
): Placement<QualitySummary> | undefined {
  if (!contact?.registered || contact.lastActivityAt === null) return undefined;
  return {
    day: dayOf(contact.lastActivityAt),
    slices: [ALL_SLICE],
    contribution: qualityContribution(contact),
  };
}
