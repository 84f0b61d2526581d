import { BlockList, isIP } from 'node:net';

// Loopback, private, link-local (the cloud metadata address 169.254.169.254 among them),
// carrier-grade NAT, unspecified, multicast, reserved and documentation ranges: nothing a
// webhook to another organisation's service has a reason to reach.
const PRIVATE_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const PRIVATE_V6: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  // The EC2 metadata service's IPv6 address lives in a unique-local range already; kept explicit.
  ['fd00:ec2::', 32],
];
// IPv6 forms that carry an IPv4 address: judged by the IPv4 address inside.
const EMBEDDING_V4 = [/^::ffff:(?:0:)?/i, /^64:ff9b::/i, /^::(?=\d+\.)/];

const blocked = new BlockList();
for (const [network, prefix] of PRIVATE_V4) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of PRIVATE_V6) blocked.addSubnet(network, prefix, 'ipv6');

/**
 * Where webhooks may go: public addresses, plus what CHRONICLE_WEBHOOK_ALLOWED_HOSTS lists
 * (host names, addresses or CIDR ranges) for receivers inside the network.
 */
export class AddressPolicy {
  private readonly allowedNames = new Set<string>();
  private readonly allowedRanges = new BlockList();

  /** @throws Error naming an entry that is neither a host name, an address nor a CIDR. */
  constructor(allowedHosts: readonly string[] = []) {
    for (const entry of allowedHosts.map((host) => host.trim().toLowerCase()).filter(Boolean)) {
      const [address, prefix, ...rest] = entry.replace(/^\[|\](?=\/|$)/g, '').split('/');
      const family = isIP(address ?? '');
      if (family !== 0 && rest.length === 0) {
        const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
        if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
          throw new Error(`not a CIDR range: ${entry}`);
        }
        this.allowedRanges.addSubnet(address!, bits, family === 4 ? 'ipv4' : 'ipv6');
      } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
        this.allowedNames.add(entry);
      } else {
        throw new Error(`not a host name, an address or a CIDR range: ${entry}`);
      }
    }
  }

  /** Whether the host name itself is listed: then every address it resolves to is allowed. */
  allowsName(hostname: string): boolean {
    return this.allowedNames.has(bare(hostname).toLowerCase());
  }

  /** Why a connection to `address` is refused, or undefined when it may be made. */
  refusal(address: string): string | undefined {
    const ip = bare(address);
    const family = isIP(ip);
    if (family === 0) return `${address} is not an IP address`;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowedRanges.check(ip, type)) return undefined;
    const embedded = family === 6 ? embeddedV4(ip) : undefined;
    if (embedded !== undefined) return this.refusal(embedded);
    if (blocked.check(ip, type)) {
      return `${address} is a loopback, private, link-local or reserved address`;
    }
    return undefined;
  }
}

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function embeddedV4(ip: string): string | undefined {
  for (const prefix of EMBEDDING_V4) {
    if (!prefix.test(ip)) continue;
    const tail = ip.replace(prefix, '');
    if (isIP(tail) === 4) return tail;
    // Hex form (::ffff:7f00:1): the last 32 bits.
    const match = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
    if (!match) return undefined;
    const value = (parseInt(match[1]!, 16) << 16) | parseInt(match[2]!, 16);
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
  }
  return undefined;
}
