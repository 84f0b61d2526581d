import { ChronicleError } from '@chronicle/platform';
import { type Fact, factAsEvent, factOf, foldAsOf, withFact } from '../shared/business-time';
import type { EventLike } from '../shared/event-fields';
import {
  evolveFunnelContact,
  FUNNEL_FACT_FIELDS,
  type FunnelContact,
  type FunnelFold,
  isRegistered,
} from './funnel-contact';

/**
 * A contact's facts in business-time order, in a document of their own so the live view's
 * contact documents stay as small as they were; `registeredAt` and `source` (set once the
 * registration is known, and never changed by a later fact) let a `validAt` scan use the same
 * indexes as the live one.
 */
export type FunnelHistory = {
  _id: string;
  registeredAt?: string;
  source?: string;
  facts: Fact[];
};

/** What one event does to a contact. */
export interface FunnelChange {
  /** The business-time fold of every fact recorded, the contact the live view reads. */
  contact: FunnelFold | undefined;
  /** Whether `contact` differs from the one stored (else only the history changed). */
  contactChanged: boolean;
  history: FunnelHistory;
}

/**
 * The contact and its history once `event` is among its facts, or undefined when the event is a
 * fact the history already holds (a replayed batch). An event that is the latest by business
 * time, the usual case, is folded onto the stored contact; a backfill refolds the facts from the
 * start, so the live contact is always the business-time fold of everything recorded.
 */
export function withFunnelEvent(
  contact: FunnelFold | undefined,
  stored: FunnelHistory | undefined,
  contactId: string,
  event: EventLike,
): FunnelChange | undefined {
  const held = stored?.facts ?? [];
  const fact = factOf(event, FUNNEL_FACT_FIELDS[event.type] ?? []);
  const facts = withFact(held, fact);
  if (facts.length === held.length) return undefined;
  const latest = facts.at(-1) === fact;
  const after = latest ? evolveFunnelContact(contact, factAsEvent(fact)) : foldAll(facts);
  const contactChanged = latest ? after !== contact : !sameFold(after, contact);
  const registration = isRegistered(after) ? after : undefined;
  const history: FunnelHistory = {
    _id: contactId,
    ...(registration && { registeredAt: registration.registeredAt }),
    ...(registration?.source !== undefined && { source: registration.source }),
    facts,
  };
  return { contact: after, contactChanged, history };
}

/** The contact as it stood at `validAt` (UTC ISO); undefined when not registered by then. */
export function funnelContactAsOf(
  history: FunnelHistory,
  validAt: string,
): FunnelContact | undefined {
  const contact = foldAsOf(history.facts, validAt, evolveFunnelContact);
  return isRegistered(contact) ? contact : undefined;
}

/** The error of a `validAt` question to a generation built before the funnel kept histories. */
export function historiesRebuilding(): ChronicleError {
  return new ChronicleError(
    'UNAVAILABLE',
    'The lifecycle-funnel projection is still rebuilding the contact histories validAt needs; try again later',
  );
}

function foldAll(facts: readonly Fact[]): FunnelFold | undefined {
  let fold: FunnelFold | undefined;
  for (const fact of facts) fold = evolveFunnelContact(fold, factAsEvent(fact));
  return fold;
}

// A refold after a backfill often comes back to the same contact; a false difference (another
// key order) only costs a write.
function sameFold(a: FunnelFold | undefined, b: FunnelFold | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
