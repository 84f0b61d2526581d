import { createHmac } from 'node:crypto';

/**
 * `Chronicle-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`: the key is the secret's UTF-8
 * bytes, the message `<t>.<raw body>`, as Stripe signs its webhooks. A receiver recomputes it over
 * the body bytes it received and compares in constant time (docs/integration.md).
 */
export function signatureHeader(secret: string, unixSeconds: number, rawBody: string): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${unixSeconds}.${rawBody}`, 'utf8')
    .digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
