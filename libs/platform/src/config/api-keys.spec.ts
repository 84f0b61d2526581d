import { createHash } from 'node:crypto';
import { parseApiKeys } from './api-keys';

describe('parseApiKeys', () => {
  it('reads one key per entry with its roles', () => {
    const keys = parseApiKeys('s3cret=service;ops-key=analyst,auditor;');

    expect(keys.map((key) => key.roles)).toEqual([['service'], ['analyst', 'auditor']]);
  });

  it('keeps only a digest of each token and names the key by its first 8 hex digits', () => {
    const [key] = parseApiKeys('s3cret=admin');
    const digest = createHash('sha256').update('s3cret').digest();

    expect(key?.tokenSha256.equals(digest)).toBe(true);
    expect(key?.id).toBe(`key:${digest.toString('hex').slice(0, 8)}`);
  });

  it('tolerates spaces around separators', () => {
    expect(parseApiKeys(' a = service , admin ; b=analyst ')[0]?.roles).toEqual([
      'service',
      'admin',
    ]);
  });

  it.each([
    ['', 'lists no key'],
    ['tokenonly', 'entry 1 is not token=role[,role]'],
    ['=admin', 'entry 1 is not token=role[,role]'],
    ['a=admin;b=', 'entry 2 has no role'],
    ['a=admin;a=service', 'entry 2 repeats a token'],
    ['a=root', 'entry 1 has an unknown role "root"'],
  ])('refuses %j: %s', (spec, problem) => {
    expect(() => parseApiKeys(spec)).toThrow(problem);
  });

  it('does not echo what may be a token when a role is unknown', () => {
    // A comma where a semicolon belongs puts the second token in the roles list.
    expect(() => parseApiKeys('a=admin,secret-token=service')).toThrow(
      /entry 1 has an unknown role \(not shown\)/,
    );
    expect(() => parseApiKeys('a=admin,secret-token=service')).not.toThrow(/secret-token/);
  });
});
