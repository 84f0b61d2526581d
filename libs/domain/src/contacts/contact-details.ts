import { type DecideContext, defineCommand, onStream, ruleViolated } from '../shared/decider';
import { isRepeatedCreation } from '../shared/creation';
import { deepEqual, pickDefined } from '../shared/objects';
import { contactStreamId, customFieldsStreamId } from '../shared/stream-ids';
import { type RegisterContact, type UpdateContactDetails } from './contact-commands';
import {
  CONTACT_DETAIL_FIELDS,
  type ContactDetails,
  type ContactDetailsUpdatedData,
  type ContactEvent,
  type ContactRegisteredData,
} from './contact-events';
import { requireActiveContact } from './contact-guards';
import { applyDetails, type ContactState } from './contact-state';
import {
  checkCustomFieldValue,
  requireDefinition,
  type CustomFieldDefinitionsState,
} from './custom-field-definitions';

type WithDefinitions = { customFieldDefinitions: CustomFieldDefinitionsState };

export const registerContact = defineCommand<RegisterContact, ContactState, WithDefinitions>({
  commandType: 'RegisterContact',
  streamId: (payload) => contactStreamId(payload.contactId),
  related: () => ({ customFieldDefinitions: customFieldsStreamId('contact') }),
  decide(payload, state, ctx) {
    const streamId = contactStreamId(payload.contactId);
    const data = registrationData(payload);
    if (state.status !== 'unregistered') {
      const contact = requireActiveContact(state, payload.contactId);
      isRepeatedCreation(contact.registration, data, `Contact ${payload.contactId}`);
      return onStream(streamId, []);
    }
    requireNameEmailOrPhone(data);
    for (const [field, value] of Object.entries(data.customFields ?? {})) {
      checkCustomFieldValue(
        requireDefinition(ctx.related.customFieldDefinitions, 'contact', field),
        value,
      );
    }
    return onStream(streamId, [
      { type: 'ContactRegistered', data },
      ...duplicatesSuspected(payload.contactId, ctx, []),
    ]);
  },
});

function registrationData(payload: RegisterContact): ContactRegisteredData {
  return {
    contactId: payload.contactId,
    ...pickDefined(payload, CONTACT_DETAIL_FIELDS),
    ...pickDefined(payload, ['source', 'campaignId', 'ownerId', 'customFields']),
    lifecycleStage: payload.lifecycleStage ?? 'lead',
    leadStatus: payload.leadStatus ?? 'new',
  };
}

/** Custom fields change through SetCustomField, owner and stage through their own commands. */
export const updateContactDetails = defineCommand<UpdateContactDetails, ContactState>({
  commandType: 'UpdateContactDetails',
  streamId: (payload) => contactStreamId(payload.contactId),
  decide(payload, state, ctx) {
    const streamId = contactStreamId(payload.contactId);
    const contact = requireActiveContact(state, payload.contactId);
    const changes = changedDetails(contact.details, payload);
    if (Object.keys(changes).length === 0) return onStream(streamId, []);
    requireNameEmailOrPhone(applyDetails(contact.details, changes));
    const reachChanged = changes.email !== undefined || changes.phone !== undefined;
    return onStream(streamId, [
      { type: 'ContactDetailsUpdated', data: { contactId: contact.contactId, ...changes } },
      ...(reachChanged
        ? duplicatesSuspected(contact.contactId, ctx, contact.suspectedDuplicates)
        : []),
    ]);
  },
});

type DetailChanges = Omit<ContactDetailsUpdatedData, 'contactId'>;

function changedDetails(current: ContactDetails, payload: UpdateContactDetails): DetailChanges {
  const changes: Record<string, unknown> = {};
  for (const field of CONTACT_DETAIL_FIELDS) {
    const value = payload[field];
    if (value === undefined) continue;
    if (value === null ? current[field] !== undefined : !deepEqual(current[field], value)) {
      changes[field] = value;
    }
  }
  return changes;
}

function requireNameEmailOrPhone(details: ContactDetails): void {
  const reachable = [details.firstName, details.lastName, details.email, details.phone].some(
    (value) => value !== undefined && value.trim() !== '',
  );
  if (!reachable) ruleViolated('A contact needs at least one of a name, an e-mail or a phone');
}

/** One fact per candidate the application found, except itself and those already suspected. */
function duplicatesSuspected(
  contactId: string,
  ctx: DecideContext<Record<string, unknown>>,
  alreadySuspected: readonly string[],
): ContactEvent[] {
  const seen = new Set<string>();
  return ctx.duplicateCandidates
    .filter(({ contactId: other, matchedOn }) => {
      const key = `${other}\u0000${matchedOn}`;
      if (other === contactId || alreadySuspected.includes(other) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ contactId: other, matchedOn }) => ({
      type: 'DuplicateSuspected',
      data: { contactId, duplicateOfContactId: other, matchedOn },
    }));
}
