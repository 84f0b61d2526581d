import { ERASED } from '../privacy/personal-data-cipher';
import type { Upcaster } from './upcaster-registry';

/**
 * Version 0 of ContactRegistered (the first imports) held the whole name in one personal field,
 * `name`; version 1 has `firstName` and `lastName`. The first word becomes the first name and the
 * rest the last name, which is what the import did for new contacts. An erased name reads as
 * erased in both halves. A v0 event without `name` is left as it is.
 */
export const contactRegisteredV0: Upcaster = {
  type: 'ContactRegistered',
  fromVersion: 0,
  sealedFields: ['name'],
  upcast(data) {
    const { name, ...rest } = data;
    if (typeof name !== 'string') return data;
    if (name === ERASED) return { ...rest, firstName: ERASED, lastName: ERASED };
    const [firstName = '', ...others] = name.trim().split(/\s+/);
    return {
      ...rest,
      ...(rest.firstName === undefined && firstName !== '' && { firstName }),
      ...(rest.lastName === undefined && others.length > 0 && { lastName: others.join(' ') }),
    };
  },
};
