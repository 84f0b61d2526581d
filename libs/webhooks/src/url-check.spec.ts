import { AddressPolicy } from './address-policy';
import { checkWebhookUrl, type HostResolver } from './url-check';

// No test resolves or connects to anything outside this machine: names resolve through this map.
const names: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14'],
  'sneaky.example.com': ['93.184.215.14', '127.0.0.1'],
  'metadata.example.com': ['169.254.169.254'],
  'receiver.internal': ['10.1.2.3'],
  localhost: ['127.0.0.1', '::1'],
};
const resolver: HostResolver = (name) =>
  names[name]
    ? Promise.resolve(names[name])
    : Promise.reject(Object.assign(new Error(), { code: 'ENOTFOUND' }));

const refusalOf = async (url: string, allowed: string[] = []): Promise<string | undefined> => {
  try {
    await checkWebhookUrl(url, new AddressPolicy(allowed), resolver);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('checkWebhookUrl', () => {
  it('accepts http and https URLs of public hosts', async () => {
    expect(await refusalOf('https://hooks.example.com/chronicle')).toBeUndefined();
    expect(await refusalOf('http://93.184.215.14:8080/in')).toBeUndefined();
  });

  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://localhost:3000/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[fe80::1]/',
    'http://[fd00:ec2::254]/',
    'http://metadata.example.com/',
    'http://sneaky.example.com/',
    'http://2130706433/',
  ])('refuses %s', async (url) => {
    expect(await refusalOf(url)).toMatch(/not allowed/);
  });

  it.each([
    ['file:///etc/passwd', /http or https/],
    ['ftp://hooks.example.com/', /http or https/],
    ['gopher://hooks.example.com/', /http or https/],
    ['https://user:pw@hooks.example.com/', /credentials/],
    [`https://hooks.example.com/${'a'.repeat(2100)}`, /longer than 2048/],
    ['not a url', /absolute URL/],
    ['https://nowhere.invalid/', /does not resolve/],
  ])('refuses %s', async (url, reason) => {
    expect(await refusalOf(url)).toMatch(reason);
  });

  it('allows what CHRONICLE_WEBHOOK_ALLOWED_HOSTS lists, by name, address or range', async () => {
    expect(await refusalOf('http://localhost:3000/', ['localhost'])).toBeUndefined();
    expect(await refusalOf('http://receiver.internal/', ['10.0.0.0/8'])).toBeUndefined();
    expect(await refusalOf('http://127.0.0.1:9/', ['127.0.0.1'])).toBeUndefined();
    expect(await refusalOf('http://[::1]:9/', ['::1/128'])).toBeUndefined();
    expect(await refusalOf('http://receiver.internal/', ['10.9.0.0/16'])).toMatch(/not allowed/);
  });

  it('refuses a malformed allowed-hosts entry', () => {
    expect(() => new AddressPolicy(['10.0.0.0/33'])).toThrow(/CIDR/);
    expect(() => new AddressPolicy(['http://x'])).toThrow(/host name/);
  });
});
