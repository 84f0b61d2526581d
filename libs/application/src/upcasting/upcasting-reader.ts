import type { JsonObject } from '@chronicle/event-store';
import type { KeyStore } from '../privacy/key-store.port';
import { isSealedValue, openValue } from '../privacy/field-sealing';
import { ERASED, type PersonalDataCipher } from '../privacy/personal-data-cipher';
import { UnreadablePersonalFieldError } from '../privacy/privacy-errors';
import { contactRegisteredV0 } from './contact-registered-v0';
import {
  CURRENT_SCHEMA_VERSION,
  schemaVersionOf,
  type Upcaster,
  UpcasterRegistry,
} from './upcaster-registry';

/** The upcasters this code knows; add a step here when an event's shape changes. */
export const defaultUpcasters = new UpcasterRegistry([contactRegisteredV0]);

/** A stored event's parts the reader needs. */
export interface StoredEventParts {
  type: string;
  data: JsonObject | Record<string, unknown>;
  metadata: JsonObject | Record<string, unknown>;
}

/** What a reader gets: data in clear, in the newest shape. */
export interface ReadableEventData {
  data: Record<string, unknown>;
  /** The version the data was stored at, when steps changed it; absent when it is current. */
  upcastFrom?: number;
}

/**
 * Decrypts an event's personal fields, then upcasts its data to the newest shape: decryption
 * first, because a step may need a personal value in clear (splitting a name), and the sealed
 * values are bound to their field names, so they cannot be renamed while sealed. Erased values
 * reach the steps as the ERASED marker; lost keys and tampered values throw, as in
 * PersonalDataCipher.open.
 */
export class UpcastingReader {
  constructor(
    private readonly cipher: Pick<PersonalDataCipher, 'open'>,
    private readonly keys: Pick<KeyStore, 'existingKey'>,
    private readonly registry: UpcasterRegistry = defaultUpcasters,
  ) {}

  async read(event: StoredEventParts): Promise<ReadableEventData> {
    const version = schemaVersionOf(event.metadata);
    const steps = version < CURRENT_SCHEMA_VERSION ? this.registry.chain(event.type, version) : [];
    const opened = await this.cipher.open({ type: event.type, data: { ...event.data } });
    if (steps.length === 0) return { data: opened };
    const withLegacy = await this.openLegacyFields(event.type, opened, steps);
    const data = steps.reduce((current, step) => step.upcast(current), withLegacy);
    return { data, upcastFrom: version };
  }

  private async openLegacyFields(
    type: string,
    data: Record<string, unknown>,
    steps: readonly Upcaster[],
  ): Promise<Record<string, unknown>> {
    const fields = steps
      .flatMap((step) => step.sealedFields ?? [])
      .filter((field) => data[field] !== undefined);
    const subjectId = data.contactId;
    if (fields.length === 0 || typeof subjectId !== 'string') return data;
    const key = await this.keys.existingKey(subjectId);
    const opened = { ...data };
    for (const field of fields) {
      const stored = data[field];
      if (!isSealedValue(stored)) {
        throw new UnreadablePersonalFieldError(type, subjectId, field, 'it is not sealed');
      }
      if (key === 'erased') {
        opened[field] = ERASED;
        continue;
      }
      try {
        opened[field] = openValue(key, { subjectId, field }, stored);
      } catch (error) {
        const reason = 'it was tampered with, moved, or is malformed';
        throw new UnreadablePersonalFieldError(type, subjectId, field, reason, { cause: error });
      }
    }
    return opened;
  }
}
