import { contactStreamId, type DomainEvent } from '@chronicle/domain';
import { type ContactIdentities, erasedSubjects } from '../identity/contact-identities';
import type { KeyStore } from '../privacy/key-store.port';
import type { AfterAppend } from './entry-appender';
import type { StreamLoader } from './stream-loader';

/**
 * What follows an append, in the same order every time and safe to run twice (a resumed command
 * runs it again for what it had already appended): the identity index follows contact details, and
 * an erasure shreds the keys of its subjects and drops their decrypted folds from memory.
 */
export function afterAppend(
  identities: ContactIdentities,
  keyStore: KeyStore,
  loader: StreamLoader,
): AfterAppend {
  return async (events: readonly DomainEvent[]) => {
    await identities.indexEvents(events);
    for (const event of events) {
      if (event.type !== 'ContactPersonalDataErased') continue;
      for (const subject of erasedSubjects(event.data)) {
        await keyStore.destroy(subject);
        loader.forget(contactStreamId(subject));
      }
    }
  };
}
