import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy';
import { allowedAddresses, type HostResolver, systemResolver } from './url-check';

/** How one attempt ended: acknowledged (a 2xx in time), or why not. */
export type AttemptOutcome = { ok: true; status: number } | { ok: false; reason: string };

export interface DeliveryClientOptions {
  policy: AddressPolicy;
  resolve?: HostResolver;
  /** A 2xx must arrive within this; default 10 s. */
  timeoutMs?: number;
}

/**
 * POSTs one delivery. The host is resolved and checked again here, inside the connection's own
 * lookup, and the connection goes to the address that was checked: a name re-pointed to a private
 * address after the subscription was created (DNS rebinding) is refused before any byte is sent.
 * Redirects are not followed; anything but a 2xx within the timeout is a failure.
 */
export class DeliveryClient {
  private readonly resolve: HostResolver;
  private readonly timeoutMs: number;
  // Connections are kept and reused: a new one per delivery costs the receiver and this process
  // a handshake each. A kept connection goes to an address checked when it was opened.
  private readonly agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
  };

  constructor(private readonly options: DeliveryClientOptions) {
    this.resolve = options.resolve ?? systemResolver;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async post(
    rawUrl: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<AttemptOutcome> {
    const url = new URL(rawUrl);
    // A connection to an address never calls the lookup below: check the address here.
    if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
      try {
        await allowedAddresses(url.hostname, this.options.policy, this.resolve);
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
    }
    return this.send(url, body, headers);
  }

  /** Closes the kept connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private send(url: URL, body: string, headers: Record<string, string>): Promise<AttemptOutcome> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((settle) => {
      let settled = false;
      const finish = (outcome: AttemptOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        outgoing.destroy();
        settle(outcome);
      };
      const outgoing = request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          lookup: this.checkedLookup(),
          agent: url.protocol === 'https:' ? this.agents.https : this.agents.http,
        },
        (response: IncomingMessage) => {
          const status = response.statusCode ?? 0;
          response.resume();
          finish(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, reason: `answered ${status}` },
          );
        },
      );
      const deadline = setTimeout(
        () => finish({ ok: false, reason: `no 2xx within ${this.timeoutMs} ms` }),
        this.timeoutMs,
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) =>
        finish({ ok: false, reason: error.code ?? error.message }),
      );
      outgoing.end(body);
    });
  }

  private checkedLookup(): LookupFunction {
    return (hostname, options, callback) => {
      allowedAddresses(hostname, this.options.policy, this.resolve).then(
        (addresses) => {
          const entries = addresses.map((address) => ({ address, family: isIP(address) }));
          if (options.all) callback(null, entries);
          else callback(null, entries[0]!.address, entries[0]!.family);
        },
        (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
      );
    };
  }
}
