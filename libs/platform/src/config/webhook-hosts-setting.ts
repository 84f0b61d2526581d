import { isIP } from 'node:net';
import { registerDecorator } from 'class-validator';

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** The entries of CHRONICLE_WEBHOOK_ALLOWED_HOSTS, trimmed; empty when unset. */
export function hostList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Why an entry is neither a host name, an IP address nor a CIDR range; undefined when it is one. */
function entryProblem(entry: string): string | undefined {
  const [address, prefix, ...rest] = entry.replace(/^\[|\](?=\/|$)/g, '').split('/');
  const family = isIP(address ?? '');
  if (family !== 0) {
    const max = family === 4 ? 32 : 128;
    const bits = prefix === undefined ? max : Number(prefix);
    const valid = rest.length === 0 && /^\d*$/.test(prefix ?? '') && bits >= 0 && bits <= max;
    return valid ? undefined : `${entry} is not a CIDR range`;
  }
  return HOST_NAME.test(entry) ? undefined : `${entry} is not a host name, address or CIDR range`;
}

/** CHRONICLE_WEBHOOK_ALLOWED_HOSTS: comma-separated host names, addresses or CIDR ranges. */
export function IsHostList(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isHostList',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && hostList(value).every((entry) => !entryProblem(entry)),
        defaultMessage: (args) => {
          const problem = hostList(String(args?.value)).map(entryProblem).find(Boolean);
          return `CHRONICLE_WEBHOOK_ALLOWED_HOSTS must list host names, addresses or CIDR ranges (${problem ?? 'invalid'})`;
        },
      },
    });
}
