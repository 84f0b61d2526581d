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
 * A stored funnel document: the contact folded from all its facts (what the live view reads),
 * and the facts themselves in business-time order, so a `validAt` answer can fold it to any
 * business moment. Until its registration is known it is a prelude (no `registeredAt`), which no
 * cohort holds.
 */
export type FunnelDocument = FunnelFold & {
  /** Absent only in a generation built before the projection kept facts (version 2). */
  facts?: Fact[];
};

/** The stored document as a registered contact, or undefined for a prelude. */
export function registeredContact(document: FunnelDocument): FunnelContact | undefined {
  return isRegistered(document) ? document : undefined;
}

/** What one event does to a contact's document. */
export interface FunnelDocumentChange {
  document: FunnelDocument;
  /** Whether the folded contact changed (else only its facts did). */
  foldChanged: boolean;
}

/**
 * The document of `contactId` once `event` is among its facts, or undefined when the event is a
 * fact it already holds (a replayed batch). An event that is the latest by business time, the
 * usual case, is folded onto the stored state; a backfill refolds the facts from the start, so
 * the live document is always the business-time fold of everything recorded.
 */
export function withFunnelEvent(
  stored: FunnelDocument | undefined,
  contactId: string,
  event: EventLike,
): FunnelDocumentChange | undefined {
  const held = stored?.facts ?? [];
  const fact = factOf(event, FUNNEL_FACT_FIELDS[event.type] ?? []);
  const facts = withFact(held, fact);
  if (facts.length === held.length) return undefined;
  const before = stored && foldedPart(stored);
  const latest = facts.at(-1) === fact;
  const after = latest ? evolveFunnelContact(before, factAsEvent(fact)) : foldAll(facts);
  const foldChanged = latest ? after !== before : !sameFold(after, before);
  return { document: { ...(after ?? { _id: contactId }), facts }, foldChanged };
}

/** The contact as it stood at `validAt` (UTC ISO); undefined when not registered by then. */
export function funnelContactAsOf(
  document: FunnelDocument,
  validAt: string,
): FunnelContact | undefined {
  const { facts } = document;
  if (facts === undefined) {
    // A generation built before the projection kept facts still serves while its successor builds.
    throw new ChronicleError(
      'UNAVAILABLE',
      'The lifecycle-funnel projection is still rebuilding the contact histories validAt needs; try again later',
    );
  }
  const contact = foldAsOf(facts, validAt, evolveFunnelContact);
  return isRegistered(contact) ? contact : undefined;
}

function foldAll(facts: readonly Fact[]): FunnelFold | undefined {
  let fold: FunnelFold | undefined;
  for (const fact of facts) fold = evolveFunnelContact(fold, factAsEvent(fact));
  return fold;
}

function foldedPart(document: FunnelDocument): FunnelFold | undefined {
  const { facts: _facts, ...fold } = document;
  // A document that only holds facts (nothing the fold kept) stands for no state yet.
  return Object.keys(fold).length > 1 ? fold : undefined;
}

function sameFold(a: FunnelFold | undefined, b: FunnelFold | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
