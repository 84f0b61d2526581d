import { ID_MAX_LENGTH } from './limits';

/** docs/api.md: 1–128 characters of A-Z a-z 0-9 _ . : - */
export const ID_PATTERN = new RegExp(`^[A-Za-z0-9_.:-]{1,${ID_MAX_LENGTH}}$`);

/** ISO 4217 shape; whether the code is assigned is not checked, so new currencies just work. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * Loose on purpose: E.164 (`+4930123456`) or national formatting (`(030) 123-456`); at least three
 * digits so that "n/a" and the like are refused.
 */
export const PHONE_PATTERN = /^(?=(?:\D*\d){3})\+?[0-9 ().\-/]+$/;

/** Custom field names become keys of read models, so they are identifier-shaped. */
export const CUSTOM_FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Some character other than white space. */
export const NOT_BLANK_PATTERN = /\S/;
