import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed value belongs; bound into the ciphertext as additional authenticated data. */
export interface SealingContext {
  subjectId: string;
  field: string;
}

/** Whether a stored value has the shape of a sealed field (it may still fail to open). */
export function isSealedValue(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/**
 * Encrypts the JSON of `value` as `enc:v1:<base64url iv>:<base64url ciphertext+tag>`, with a fresh
 * random IV; `context` is authenticated, so the result opens only for the same subject and field.
 */
export function sealValue(key: Buffer, context: SealingContext, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`${context.field} holds no JSON value to seal`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(context));
  const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/** Decrypts a value made by `sealValue`; throws when it is malformed or fails authentication. */
export function openValue(key: Buffer, context: SealingContext, sealed: string): unknown {
  const { iv, ciphertext, tag } = parseSealed(sealed);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(context));
  decipher.setAuthTag(tag);
  const json = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  return JSON.parse(json) as unknown;
}

// JSON keeps the parts unambiguous whatever characters the ids hold; the version is bound too,
// so a later format cannot be mistaken for this one.
function additionalData({ subjectId, field }: SealingContext): Buffer {
  return Buffer.from(JSON.stringify(['enc:v1', subjectId, field]), 'utf8');
}

function parseSealed(sealed: string): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  if (!isSealedValue(sealed)) throw new Error('not an enc:v1 value');
  const parts = sealed.slice(PREFIX.length).split(':');
  const [ivText, bodyText] = parts;
  if (parts.length !== 2 || ivText === undefined || bodyText === undefined) {
    throw new Error('malformed enc:v1 value');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error('malformed enc:v1 value');
  return {
    iv,
    ciphertext: body.subarray(0, body.length - TAG_BYTES),
    tag: body.subarray(body.length - TAG_BYTES),
  };
}
