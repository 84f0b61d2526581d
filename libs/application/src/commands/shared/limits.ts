// Size limits of command payload fields. Every free-text field is bounded so that one event stays
// far below the 256 KiB body limit and read models can index and display it; the tiers below are
// deliberately few so callers can learn them.

/** IDs chosen by the caller (docs/api.md). */
export const ID_MAX_LENGTH = 128;

/** First and last names: room for long compound names. */
export const PERSON_NAME_MAX_LENGTH = 100;

/** RFC 5321 caps a forward-path at 256 octets, angle brackets included. */
export const EMAIL_MAX_LENGTH = 254;

/** E.164 has at most 15 digits; the rest is room for formatting and an extension. */
export const PHONE_MAX_LENGTH = 32;

/** Short labels that views group or filter by: source, channel, stage, sku, category, bands. */
export const LABEL_MAX_LENGTH = 100;

/** One-line names and titles: company, job title, deal and campaign names, subjects, questions. */
export const TITLE_MAX_LENGTH = 200;

/** A paragraph: reasons, comments, goals, survey answers, lifestyle and preference notes. */
export const TEXT_MAX_LENGTH = 2_000;

/** Bodies people write: interaction notes, descriptions, ticket messages and resolutions. */
export const LONG_TEXT_MAX_LENGTH = 10_000;

/** What browsers and most proxies reliably carry. */
export const URL_MAX_LENGTH = 2_048;

export const CUSTOM_FIELD_NAME_MAX_LENGTH = 64;
export const CUSTOM_FIELD_STRING_MAX_LENGTH = 1_000;
export const MAX_CUSTOM_FIELDS = 100;
export const MAX_ENUM_OPTIONS = 100;
export const MAX_SOCIAL_PROFILES = 20;
export const MAX_PURCHASE_ITEMS = 500;
export const MAX_SURVEY_ANSWERS = 200;
export const MAX_QUANTITY = 1_000_000;

/**
 * Money amounts. Catches typos and overflow; below 10^12 a double still resolves a thousandth of a
 * unit, the finest ISO 4217 minor unit.
 */
export const MAX_AMOUNT = 1_000_000_000_000;

/** 30 days: longer than any call, meeting or chat session a CRM records. */
export const MAX_INTERACTION_SECONDS = 30 * 24 * 3_600;

/** A year: SLA targets beyond it are a unit mistake (milliseconds sent as seconds). */
export const MAX_SLA_SECONDS = 365 * 24 * 3_600;
