import { DomainError } from '../shared/decider';
import { type ActiveContact, type ContactState } from './contact-state';

/**
 * The contact a command acts on or refers to, if it can still take new facts: unknown -> NOT_FOUND;
 * merged away or erased -> RULE_VIOLATED naming the survivor or the erasure.
 */
export function requireActiveContact(
  state: ContactState | undefined,
  contactId: string,
): ActiveContact {
  switch (state?.status) {
    case 'active':
      return state;
    case 'merged':
      throw new DomainError(
        'RULE_VIOLATED',
        `Contact ${contactId} was merged into contact ${state.survivorContactId}; send commands to the survivor`,
      );
    case 'erased':
      throw new DomainError(
        'RULE_VIOLATED',
        `Contact ${contactId} had its personal data erased at ${state.erasedAt} and takes no further commands`,
      );
    case 'unregistered':
    case undefined:
      throw new DomainError('NOT_FOUND', `Contact ${contactId} does not exist`);
  }
}
