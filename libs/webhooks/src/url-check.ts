import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy';

export const MAX_URL_LENGTH = 2048;

/** Resolves a host name to every address it has (node's getaddrinfo, as a connection would). */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address }) => address);

/** A webhook URL that may not be used, and why. */
export class UnsafeWebhookUrlError extends Error {
  readonly code = 'UNSAFE_WEBHOOK_URL';
}

/**
 * Checks a receiver URL before a subscription is stored and again before each delivery: http or
 * https only, no credentials, at most 2048 characters, and a host whose every address the policy
 * allows (a name that resolves to a private address is refused like the address itself).
 * @returns the addresses the host resolved to, all allowed.
 * @throws UnsafeWebhookUrlError saying what is wrong.
 */
export async function checkWebhookUrl(
  raw: string,
  policy: AddressPolicy,
  resolve: HostResolver = systemResolver,
): Promise<{ url: URL; addresses: string[] }> {
  if (raw.length > MAX_URL_LENGTH) {
    throw new UnsafeWebhookUrlError(`url is longer than ${MAX_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookUrlError('url is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeWebhookUrlError('url must be http or https');
  }
  if (url.username !== '' || url.password !== '') {
    throw new UnsafeWebhookUrlError('url must not carry credentials; sign with the secret instead');
  }
  return { url, addresses: await allowedAddresses(url.hostname, policy, resolve) };
}

/** Every address of `hostname`, each allowed by the policy; refuses when any is not. */
export async function allowedAddresses(
  hostname: string,
  policy: AddressPolicy,
  resolve: HostResolver,
): Promise<string[]> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UnsafeWebhookUrlError(`url host ${host} does not resolve (${reason})`);
    }
  }
  if (addresses.length === 0) throw new UnsafeWebhookUrlError(`url host ${host} has no address`);
  if (policy.allowsName(host)) return addresses;
  for (const address of addresses) {
    const refusal = policy.refusal(address);
    if (refusal !== undefined) {
      throw new UnsafeWebhookUrlError(
        `url host ${host} is not allowed: ${refusal} (list it in CHRONICLE_WEBHOOK_ALLOWED_HOSTS to allow it)`,
      );
    }
  }
  return addresses;
}
