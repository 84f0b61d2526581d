import { parseImportArguments } from './cli-args';

describe('parseImportArguments', () => {
  it('reads a dataset with its defaults', () => {
    expect(parseImportArguments(['import', 'maven-crm-sales'])).toEqual({
      dataset: 'maven-crm-sales',
      path: undefined,
      limit: undefined,
      concurrency: 32,
      http: undefined,
      progress: true,
    });
  });

  it('reads every option', () => {
    const argv = ['import', 'uci-incident-log', '--path', '/data', '--limit', '30'];
    const more = [
      '--concurrency',
      '8',
      '--over-http',
      'http://api:3000',
      '--token',
      'T',
      '--no-progress',
    ];
    expect(parseImportArguments([...argv, ...more])).toEqual({
      dataset: 'uci-incident-log',
      path: '/data',
      limit: 30,
      concurrency: 8,
      http: { url: 'http://api:3000', token: 'T' },
      progress: false,
    });
  });

  it('reads --name=value as --name value', () => {
    expect(parseImportArguments(['import', 'maven-crm-sales', '--limit=30']).limit).toBe(30);
  });

  it.each([
    [['export', 'maven-crm-sales'], /Unknown command "export"/],
    [['import', 'iris'], /Unknown dataset "iris"/],
    [['import', 'maven-crm-sales', '--limit', '0'], /--limit must be a positive integer/],
    [['import', 'maven-crm-sales', '--limit'], /--limit needs a value/],
    [['import', 'maven-crm-sales', '--over-http', 'http://x'], /needs a key: CHRONICLE_TOKEN/],
    [['import', 'maven-crm-sales', '--token', 'T'], /needs a key/],
    [['import', 'maven-crm-sales', '--fast'], /Unknown option --fast/],
    [['import', 'maven-crm-sales', 'fast'], /Unknown option fast/],
    [['import', 'maven-crm-sales', '--no-progress=yes'], /Unknown option --no-progress/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseImportArguments(argv)).toThrow(message);
  });

  it('takes the key from CHRONICLE_TOKEN, and --token over it', () => {
    const argv = ['import', 'maven-crm-sales', '--over-http', 'http://api:3000'];

    expect(parseImportArguments(argv, 'from-env').http).toEqual({
      url: 'http://api:3000',
      token: 'from-env',
    });
    expect(parseImportArguments([...argv, '--token', 'flag'], 'from-env').http?.token).toBe('flag');
    expect(parseImportArguments(['import', 'maven-crm-sales'], 'from-env').http).toBeUndefined();
  });
});
