import { personalDataSubject, personalFields } from '@chronicle/domain';
import { isSealedValue, openValue, sealValue } from './field-sealing';
import type { KeyStore } from './key-store.port';
import { UnreadablePersonalFieldError } from './privacy-errors';

/**
 * How every personal value of an erased subject reads, whatever it held (text, object or array):
 * plain text that a view, an export or an audit answer can show as it is.
 */
export const ERASED = '[erased]';

/** The part of an event the cipher reads: its type picks the personal fields of its data. */
export interface StoredEventData {
  type: string;
  data: Record<string, unknown>;
}

interface PersonalPart {
  subjectId: string;
  fields: string[];
}

/**
 * Encrypts the personal fields of events (the domain's `personalFields`) under their subject's key
 * before they are stored, and decrypts them when they are read. Destroying a subject's key in the
 * key store erases those fields everywhere at once (crypto-shredding).
 */
export class PersonalDataCipher {
  constructor(private readonly keys: KeyStore) {}

  /** Returns a copy of `data` with every personal field of `type` encrypted under the subject's key. */
  async seal(event: StoredEventData): Promise<Record<string, unknown>> {
    const sealed = { ...event.data };
    const personal = personalPartOf(event);
    if (!personal) return sealed;
    const key = await this.keys.keyFor(personal.subjectId);
    for (const field of personal.fields) {
      sealed[field] = sealValue(key, { subjectId: personal.subjectId, field }, event.data[field]);
    }
    return sealed;
  }

  /** Returns a copy with personal fields decrypted; fields of an erased subject read as the ERASED marker. */
  async open(event: StoredEventData): Promise<Record<string, unknown>> {
    const opened = { ...event.data };
    const personal = personalPartOf(event);
    if (!personal) return opened;
    const key = await this.keys.existingKey(personal.subjectId);
    for (const field of personal.fields) {
      opened[field] = openField(event, personal.subjectId, field, key);
    }
    return opened;
  }
}

function personalPartOf(event: StoredEventData): PersonalPart | undefined {
  const subjectId = personalDataSubject(event);
  if (subjectId === undefined) return undefined;
  const fields = (personalFields[event.type] ?? []).filter(
    (field) => Object.hasOwn(event.data, field) && event.data[field] !== undefined,
  );
  return fields.length === 0 ? undefined : { subjectId, fields };
}

function openField(
  event: StoredEventData,
  subjectId: string,
  field: string,
  key: Buffer | 'erased',
): unknown {
  const stored = event.data[field];
  // Checked before the erasure, so a plaintext value that slipped into the store is never
  // hidden behind the marker.
  if (!isSealedValue(stored)) {
    throw new UnreadablePersonalFieldError(event.type, subjectId, field, 'it is not sealed');
  }
  if (key === 'erased') return ERASED;
  try {
    return openValue(key, { subjectId, field }, stored);
  } catch (error) {
    const reason = 'it was tampered with, moved from another subject or field, or is malformed';
    throw new UnreadablePersonalFieldError(event.type, subjectId, field, reason, { cause: error });
  }
}
