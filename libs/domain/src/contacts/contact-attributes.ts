import { defineCommand, onStream } from '../shared/decider';
import { deepEqual, pickDefined } from '../shared/objects';
import { contactStreamId, customFieldsStreamId } from '../shared/stream-ids';
import {
  type AssignContactOwner,
  type RecordConsent,
  type SetCustomField,
} from './contact-commands';
import { requireActiveContact } from './contact-guards';
import { type ContactState } from './contact-state';
import {
  checkCustomFieldValue,
  requireDefinition,
  type CustomFieldDefinitionsState,
} from './custom-field-definitions';

export const assignContactOwner = defineCommand<AssignContactOwner, ContactState>({
  commandType: 'AssignContactOwner',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state) {
    const contact = requireActiveContact(state, payload.contactId);
    const streamId = contactStreamId(contact.contactId);
    if (payload.ownerId === contact.ownerId) return onStream(streamId, []);
    return onStream(streamId, [
      {
        type: 'ContactOwnerAssigned',
        data: {
          contactId: contact.contactId,
          ownerId: payload.ownerId,
          ...(contact.ownerId !== undefined && { previousOwnerId: contact.ownerId }),
        },
      },
    ]);
  },
});

/** Every consent statement is evidence of its own (when and from where), so repeats are kept. */
export const recordConsent = defineCommand<RecordConsent, ContactState>({
  commandType: 'RecordConsent',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state) {
    const contact = requireActiveContact(state, payload.contactId);
    return onStream(contactStreamId(contact.contactId), [
      {
        type: 'ConsentRecorded',
        data: {
          contactId: contact.contactId,
          ...pickDefined(payload, ['channel', 'granted', 'source']),
        },
      },
    ]);
  },
});

export const setCustomField = defineCommand<
  SetCustomField,
  ContactState,
  { customFieldDefinitions: CustomFieldDefinitionsState }
>({
  commandType: 'SetCustomField',
  streamId: (payload) => contactStreamId(payload.contactId),
  related: () => ({ customFieldDefinitions: customFieldsStreamId('contact') }),
  decide(payload, state, ctx) {
    const contact = requireActiveContact(state, payload.contactId);
    const { field, value } = payload;
    checkCustomFieldValue(
      requireDefinition(ctx.related.customFieldDefinitions, 'contact', field),
      value,
    );
    const streamId = contactStreamId(contact.contactId);
    if (
      Object.hasOwn(contact.customFields, field) &&
      deepEqual(contact.customFields[field], value)
    ) {
      return onStream(streamId, []);
    }
    return onStream(streamId, [
      { type: 'CustomFieldSet', data: { contactId: contact.contactId, field, value } },
    ]);
  },
});
