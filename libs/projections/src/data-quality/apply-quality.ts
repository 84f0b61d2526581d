import type { UnitOfWork } from '../runtime/projection';
import { type EventLike, occurredAtOf, stringField } from '../shared/event-fields';
import { later, QualityLedger } from './quality-ledger';
import type { DetailsPresence } from './quality-presence';

/**
 * The data-quality fold of one event naming a contact: the live projection applies it in recorded
 * order to the read store, and the as-of answer applies it in business-time order to memory, so
 * both judge an event the same way. `presence` says which of name, e-mail and phone a
 * registration or update gives or clears (decrypted live, read from the stored fact as of).
 */
export async function applyToQuality(
  event: EventLike,
  work: UnitOfWork,
  presence: DetailsPresence,
): Promise<void> {
  const contactId = stringField(event.data, 'contactId');
  if (contactId === undefined) return;
  const ledger = new QualityLedger(work);
  const at = occurredAtOf(event);
  const { data } = event;
  switch (event.type) {
    case 'ContactRegistered':
    case 'ContactDetailsUpdated': {
      const owner = stringField(data, 'ownerId') !== undefined;
      return ledger.change(contactId, (contact) => {
        if (event.type === 'ContactRegistered') contact.registered = true;
        Object.assign(contact, presence);
        contact.hasOwner ||= owner;
        contact.lastActivityAt = later(contact.lastActivityAt, at);
      });
    }
    case 'ContactOwnerAssigned':
      return ledger.change(contactId, (contact) => {
        contact.hasOwner = true;
        contact.lastActivityAt = later(contact.lastActivityAt, at);
      });
    case 'DuplicateSuspected':
      return suspect(ledger, contactId, stringField(data, 'duplicateOfContactId'), at);
    case 'ContactsMerged': {
      const survivor = stringField(data, 'survivorContactId');
      // The survivor's own copy of the fact is activity on its stream.
      if (survivor !== undefined && stringField(data, 'duplicateContactId') === contactId) {
        return merge(ledger, survivor, contactId, at);
      }
      break;
    }
    case 'ContactPersonalDataErased':
      return ledger.change(contactId, (contact) => {
        contact.status = 'erased';
        contact.lastActivityAt = later(contact.lastActivityAt, at);
      });
  }
  const holder = await ledger.holderOf(contactId);
  await ledger.change(holder, (contact) => {
    contact.lastActivityAt = later(contact.lastActivityAt, at);
  });
}

async function suspect(
  ledger: QualityLedger,
  contactId: string,
  otherId: string | undefined,
  at: string,
): Promise<void> {
  const known = otherId !== undefined && (await ledger.pairOpen(contactId, otherId)) !== undefined;
  await ledger.change(contactId, (contact) => {
    if (otherId !== undefined && !known) contact.openPairs += 1;
    contact.lastActivityAt = later(contact.lastActivityAt, at);
  });
  if (otherId === undefined || known) return;
  await ledger.change(otherId, (other) => {
    other.openPairs += 1;
  });
  await ledger.setPair(contactId, otherId, true);
}

async function merge(
  ledger: QualityLedger,
  survivorId: string,
  duplicateId: string,
  at: string,
): Promise<void> {
  const duplicate = await ledger.contact(duplicateId);
  if (duplicate.status === 'merged') return;
  const settles = (await ledger.pairOpen(survivorId, duplicateId)) === true;
  await ledger.change(duplicateId, (contact) => {
    contact.status = 'merged';
    contact.mergedInto = survivorId;
    contact.lastActivityAt = later(contact.lastActivityAt, at);
    if (settles) contact.openPairs -= 1;
  });
  // The survivor keeps both histories: the duplicate's activity is now its own.
  await ledger.change(survivorId, (contact) => {
    if (duplicate.lastActivityAt !== null) {
      contact.lastActivityAt = later(contact.lastActivityAt, duplicate.lastActivityAt);
    }
    if (settles) contact.openPairs -= 1;
  });
  if (settles) await ledger.setPair(survivorId, duplicateId, false);
}
