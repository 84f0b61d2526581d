import type { UnitOfWork } from '../runtime/projection';
import { moveContribution } from '../shared/day-summaries';
import {
  type QualityContact,
  qualityAlgebra,
  qualityPlacement,
  unregisteredContact,
} from './quality-contact';

/** Logical collections of the `data-quality` projection. */
export const QUALITY_CONTACTS = 'contacts';
export const QUALITY_DAYS = 'days';
export const QUALITY_PAIRS = 'pairs';
export const QUALITY_TOTALS = 'totals';
/** The totals document that counts open suspected pairs. */
export const DUPLICATES_TOTAL_ID = 'duplicates';

type PairDocument = { _id: string; open: boolean };
export type DuplicatesTotal = { _id: string; openPairs: number };

// Merges chain (A into B, later B into C); the bound only guards against a corrupt cycle.
const MAX_MERGE_HOPS = 32;

/**
 * The projection's documents within one batch, with the rule that keeps the day summaries right:
 * a contact's contribution moves out of its day before it changes and back in after.
 */
export class QualityLedger {
  constructor(private readonly work: UnitOfWork) {}

  async contact(contactId: string): Promise<QualityContact> {
    const stored = await this.work.get(QUALITY_CONTACTS, contactId);
    return stored ? (stored as QualityContact) : unregisteredContact(contactId);
  }

  async change(contactId: string, mutate: (contact: QualityContact) => void): Promise<void> {
    const current = await this.contact(contactId);
    const changed = { ...current };
    mutate(changed);
    this.work.put(QUALITY_CONTACTS, changed);
    const move = [qualityPlacement(current), qualityPlacement(changed)] as const;
    await moveContribution(this.work, QUALITY_DAYS, qualityAlgebra, ...move);
  }

  /** The contact that now holds `contactId`'s history: itself, or the survivor of its merges. */
  async holderOf(contactId: string): Promise<string> {
    let holder = contactId;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const { mergedInto } = await this.contact(holder);
      if (mergedInto === null) return holder;
      holder = mergedInto;
    }
    return holder;
  }

  /** Whether the pair was suspected and is still open. */
  async pairOpen(a: string, b: string): Promise<boolean | undefined> {
    const stored = (await this.work.get(QUALITY_PAIRS, pairId(a, b))) as PairDocument | undefined;
    return stored?.open;
  }

  async setPair(a: string, b: string, open: boolean): Promise<void> {
    this.work.put(QUALITY_PAIRS, { _id: pairId(a, b), open });
    const stored = await this.work.get(QUALITY_TOTALS, DUPLICATES_TOTAL_ID);
    const openPairs = ((stored as DuplicatesTotal | undefined)?.openPairs ?? 0) + (open ? 1 : -1);
    this.work.put(QUALITY_TOTALS, { _id: DUPLICATES_TOTAL_ID, openPairs });
  }
}

// Contact ids never hold '|' (1–128 of A-Z a-z 0-9 _ . : -).
function pairId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The later of two business times. */
export function later(current: string | null, at: string): string {
  return current === null || at > current ? at : current;
}
