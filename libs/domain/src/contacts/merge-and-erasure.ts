import { defineCommand, ruleViolated } from '../shared/decider';
import { contactStreamId } from '../shared/stream-ids';
import { type EraseContactPersonalData, type MergeContacts } from './contact-commands';
import { type ContactEvent } from './contact-events';
import { requireActiveContact } from './contact-guards';
import { type ContactState } from './contact-state';

/**
 * Both contacts get the fact; the survivor's stream is the target (its revision is what If-Match
 * checks) and its entry comes last. No details are copied: both histories stay as they were, and
 * callers correct the survivor with UpdateContactDetails if they want to.
 */
export const mergeContacts = defineCommand<
  MergeContacts,
  ContactState,
  { duplicate: ContactState }
>({
  commandType: 'MergeContacts',
  streamId: (payload) => contactStreamId(payload.survivorContactId),
  related: (payload) => ({ duplicate: contactStreamId(payload.duplicateContactId) }),
  decide(payload, state, ctx) {
    const { survivorContactId, duplicateContactId } = payload;
    if (survivorContactId === duplicateContactId) {
      ruleViolated(`Contact ${survivorContactId} cannot be merged into itself`);
    }
    requireActiveContact(state, survivorContactId);
    requireActiveContact(ctx.related.duplicate, duplicateContactId);
    const merged = (contactId: string): ContactEvent => ({
      type: 'ContactsMerged',
      data: { contactId, survivorContactId, duplicateContactId },
    });
    return [
      { streamId: contactStreamId(duplicateContactId), events: [merged(duplicateContactId)] },
      { streamId: contactStreamId(survivorContactId), events: [merged(survivorContactId)] },
    ];
  },
});

/**
 * Crypto-shredding: the application deletes the keys of `erasedSubjects`, which makes every
 * personal field of those contacts unreadable while counts and business facts stay. Contacts merged
 * into this one are listed because their own history is encrypted under their own keys. Erasing an
 * erased contact again records nothing and is no rule violation: it is how a caller makes sure the
 * erasure is finished (docs/adr/007-erasure.md).
 */
export const eraseContactPersonalData = defineCommand<EraseContactPersonalData, ContactState>({
  commandType: 'EraseContactPersonalData',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state, ctx) {
    if (!ctx.actorRoles.includes('admin')) {
      ruleViolated('Only an admin may erase personal data');
    }
    const streamId = contactStreamId(payload.contactId);
    if (state.status === 'erased') return [{ streamId, events: [] }];
    const contact = requireActiveContact(state, payload.contactId);
    const event: ContactEvent = {
      type: 'ContactPersonalDataErased',
      data: {
        contactId: contact.contactId,
        reason: payload.reason,
        erasedSubjects: [contact.contactId, ...contact.mergedFrom],
      },
    };
    return [{ streamId, events: [event] }];
  },
});
