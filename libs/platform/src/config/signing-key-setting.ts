import { createPrivateKey, type KeyObject } from 'node:crypto';
import { registerDecorator } from 'class-validator';

/**
 * The Ed25519 private key of CHRONICLE_SIGNING_KEY, PKCS#8 PEM or the base64 of its DER. A PEM
 * passed through an env file often arrives with its line breaks written as `\n`; they are read
 * back as line breaks.
 * @throws Error saying what is wrong, never echoing the key.
 */
export function parseEd25519PrivateKey(text: string): KeyObject {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  let key: KeyObject;
  try {
    key = trimmed.includes('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('is not a PKCS#8 private key (PEM, or the base64 of its DER)');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`is a ${key.asymmetricKeyType ?? 'symmetric'} key, not an Ed25519 key`);
  }
  return key;
}

export function IsEd25519PrivateKey(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEd25519PrivateKey',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problemOf(value) === undefined,
        defaultMessage: (args) =>
          `CHRONICLE_SIGNING_KEY ${problemOf(String(args?.value)) ?? 'is invalid'}`,
      },
    });
}

function problemOf(text: string): string | undefined {
  try {
    parseEd25519PrivateKey(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
