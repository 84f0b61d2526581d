import { PersonalDataCipher } from '@chronicle/application';
import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { InMemoryKeyStore } from '../../customer-360/testing/in-memory-key-store';
import { projectEvents } from '../../shared/testing/project-events';
import { recordedEvents } from '../../shared/testing/recorded-event';
import { dataQualityProjection } from '../data-quality-projection';
import { QUALITY_CONTACTS, QUALITY_DAYS, QUALITY_TOTALS } from '../quality-ledger';
import type { DataQualityReadModel } from '../query-data-quality';

/**
 * Writes contact histories as the application stores them: personal fields sealed with the real
 * cipher under per-contact keys, which the projection must open to judge presence.
 */
export function qualityHistory() {
  const keys = new InMemoryKeyStore();
  const cipher = new PersonalDataCipher(keys);
  const factory = recordedEvents();
  const events: RecordedEvent[] = [];
  return {
    cipher,
    events,
    async event(type: string, at: string, data: JsonObject): Promise<void> {
      const sealed = (await cipher.seal({ type, data })) as JsonObject;
      events.push(factory.event({ type, at, data: sealed }));
    },
    /** Both copies of the fact, the duplicate's first, as the domain writes them. */
    async merge(survivorContactId: string, duplicateContactId: string, at: string): Promise<void> {
      for (const contactId of [duplicateContactId, survivorContactId]) {
        await this.event('ContactsMerged', at, {
          contactId,
          survivorContactId,
          duplicateContactId,
        });
      }
    },
  };
}

/** Applies `events` to the data-quality projection and answers where its query reads. */
export async function projectQuality(
  readStore: ReadStore,
  cipher: PersonalDataCipher,
  events: readonly RecordedEvent[],
): Promise<DataQualityReadModel> {
  const projected = await projectEvents(readStore, dataQualityProjection(cipher), events);
  return {
    readStore,
    contacts: projected.collection(QUALITY_CONTACTS),
    days: projected.collection(QUALITY_DAYS),
    totals: projected.collection(QUALITY_TOTALS),
    position: projected.position,
  };
}
