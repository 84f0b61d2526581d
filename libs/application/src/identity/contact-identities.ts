import { type DomainEvent, normaliseEmail, normalisePhone } from '@chronicle/domain';
import { keyedHash } from '../privacy/keyed-hash';
import type { IdentityHash, IdentityIndex, IdentityKind } from './identity-index.port';

type Secret = Parameters<typeof keyedHash>[0];

export interface DuplicateCandidate {
  contactId: string;
  matchedOn: IdentityKind;
}

const NORMALISE: Record<IdentityKind, (value: string) => string> = {
  email: normaliseEmail,
  phone: normalisePhone,
};
const KINDS: readonly IdentityKind[] = ['email', 'phone'];

/** Keeps the identity index in step with contact events and answers duplicate lookups. */
export class ContactIdentities {
  constructor(
    private readonly index: IdentityIndex,
    private readonly secret: Secret,
  ) {}

  /**
   * Other contacts sharing the e-mail or phone a RegisterContact or UpdateContactDetails sets.
   * An update only looks up what it changes, as only a change can reveal a new duplicate.
   */
  async duplicateCandidates(
    type: string,
    payload: Record<string, unknown>,
    current: { email?: unknown; phone?: unknown },
  ): Promise<DuplicateCandidate[]> {
    if (type !== 'RegisterContact' && type !== 'UpdateContactDetails') return [];
    const hashes = KINDS.flatMap((kind): IdentityHash[] => {
      const hash = this.hashOf(kind, payload[kind]);
      const unchanged =
        type === 'UpdateContactDetails' && hash === this.hashOf(kind, current[kind]);
      return hash === undefined || unchanged ? [] : [{ kind, hash }];
    });
    if (hashes.length === 0) return [];
    const found = await this.index.find(hashes);
    return found
      .filter(({ contactId }) => contactId !== payload.contactId)
      .map(({ contactId, kind }) => ({ contactId, matchedOn: kind }));
  }

  /**
   * The contacts whose current e-mail or phone is `value`, normalised exactly as duplicate
   * detection normalises it. Erased and merged-away contacts are no longer in the index.
   */
  async contactsWith(kind: IdentityKind, value: string): Promise<string[]> {
    const hash = this.hashOf(kind, value);
    if (hash === undefined) return [];
    const found = await this.index.find([{ kind, hash }]);
    return found.map(({ contactId }) => contactId);
  }

  /**
   * Applies appended events (in clear) to the index. An erasure's subjects are removed by the
   * erasure's own destruction step (`PersonalDataRemnants`), which also wipes the file's log.
   */
  async indexEvents(events: readonly DomainEvent[]): Promise<void> {
    const writes: Array<() => Promise<void>> = [];
    for (const { type, data } of events) {
      const contactId = typeof data.contactId === 'string' ? data.contactId : undefined;
      if (contactId === undefined) continue;
      if (type === 'ContactRegistered' || type === 'ContactDetailsUpdated') {
        for (const kind of KINDS) {
          if (data[kind] === undefined) continue;
          const hash = this.hashOf(kind, data[kind]) ?? null;
          writes.push(() => this.index.set(contactId, kind, hash));
        }
      } else if (type === 'ContactsMerged' && data.duplicateContactId === contactId) {
        writes.push(() => this.index.remove(contactId));
      }
    }
    // Submitted together, in order, so they share one commit instead of one each.
    await Promise.all(writes.map((write) => write()));
  }

  private hashOf(kind: IdentityKind, value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    const normalised = NORMALISE[kind](value);
    return normalised === '' ? undefined : keyedHash(this.secret, `${kind}\u0000${normalised}`);
  }
}

export function erasedSubjects(data: Record<string, unknown>): string[] {
  const { erasedSubjects: subjects } = data;
  return Array.isArray(subjects) ? subjects.filter((s): s is string => typeof s === 'string') : [];
}
