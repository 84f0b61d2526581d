import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  let dataDir: string;
  const valid = (): NodeJS.ProcessEnv => ({
    CHRONICLE_DATA_DIR: dataDir,
    CHRONICLE_API_KEYS: 'tok=admin',
  });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies the documented defaults', () => {
    const config = loadConfig(valid());

    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir,
      bodyLimitBytes: 256 * 1024,
      redisPrefix: 'bull',
      logLevel: 'info',
    });
    expect(config.eventStoreUrl).toBeUndefined();
    expect(config.mongoUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.devApiKeysFile).toBeUndefined();
  });

  it('reads every setting', () => {
    const config = loadConfig({
      ...valid(),
      PORT: '8080',
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      MONGO_URL: 'mongodb+srv://cluster.example.net/chronicle',
      REDIS_URL: 'rediss://cache:6380',
      CHRONICLE_BODY_LIMIT: '1mb',
      CHRONICLE_METRICS_TOKEN: 'scrape-me',
      HOST: '::1',
      CHRONICLE_REDIS_PREFIX: 'crm-eu:prod',
      LOG_LEVEL: 'debug',
      CHRONICLE_MAX_HEAVY_QUERIES: '12',
    });

    expect(config).toMatchObject({
      port: 8080,
      host: '::1',
      redisPrefix: 'crm-eu:prod',
      logLevel: 'debug',
      maxHeavyQueries: 12,
      eventStoreUrl: 'esdb://localhost:2113?tls=false',
      mongoUrl: 'mongodb+srv://cluster.example.net/chronicle',
      redisUrl: 'rediss://cache:6380',
      bodyLimitBytes: 1024 * 1024,
      metricsToken: 'scrape-me',
    });
  });

  it('reads CHRONICLE_WEBHOOK_ALLOWED_HOSTS and names a bad entry', () => {
    const hosts = ' receiver.internal, 10.0.0.0/8 ,[::1],127.0.0.1 ';
    expect(loadConfig({ ...valid(), CHRONICLE_WEBHOOK_ALLOWED_HOSTS: hosts })).toMatchObject({
      webhookAllowedHosts: ['receiver.internal', '10.0.0.0/8', '[::1]', '127.0.0.1'],
    });
    expect(loadConfig(valid()).webhookAllowedHosts).toEqual([]);
    for (const bad of ['10.0.0.0/33', 'http://x', 'a b']) {
      expect(() => loadConfig({ ...valid(), CHRONICLE_WEBHOOK_ALLOWED_HOSTS: bad })).toThrow(
        /CHRONICLE_WEBHOOK_ALLOWED_HOSTS/,
      );
    }
  });

  it('reads CHRONICLE_ROLES, every role when unset, and names an unknown role', () => {
    expect([...(loadConfig(valid()).processRoles ?? [])]).toEqual([
      'http',
      'projectors',
      'timers',
      'queue',
      'webhooks',
    ]);
    const worker = loadConfig({ ...valid(), CHRONICLE_ROLES: ' projectors, timers ,queue' });
    expect([...(worker.processRoles ?? [])]).toEqual(['projectors', 'timers', 'queue']);

    const load = () => loadConfig({ ...valid(), CHRONICLE_ROLES: 'http,projector' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      'Invalid configuration: CHRONICLE_ROLES has an unknown role "projector" (known: http, projectors, timers, queue, webhooks)',
    );
    expect(() => loadConfig({ ...valid(), CHRONICLE_ROLES: ' , ' })).toThrow(
      'CHRONICLE_ROLES names no role',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...valid(), REDIS_URL: '', PORT: ' ' })).toMatchObject({ port: 3000 });
  });

  it('creates a missing data folder', () => {
    const nested = join(dataDir, 'a', 'b');

    expect(loadConfig({ ...valid(), CHRONICLE_DATA_DIR: nested }).dataDir).toBe(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
  });

  it.each([
    ['PORT', 'http', 'PORT must be a whole number from 0 to 65535 (got "http")'],
    ['PORT', '70000', 'PORT must be a whole number'],
    ['EVENTSTORE_URL', 'http://x', 'EVENTSTORE_URL must be an esdb:// or esdb+discover:// URL'],
    ['MONGO_URL', 'postgres://x', 'MONGO_URL must be a mongodb:// or mongodb+srv:// URL'],
    ['REDIS_URL', 'http://x', 'REDIS_URL must be a redis:// or rediss:// URL (got "http://x")'],
    ['CHRONICLE_API_KEYS', 'tok=root', 'CHRONICLE_API_KEYS entry 1 has an unknown role "root"'],
    ['CHRONICLE_BODY_LIMIT', 'lots', 'CHRONICLE_BODY_LIMIT must be a size such as 256kb'],
    ['CHRONICLE_METRICS_TOKEN', 'a b', 'CHRONICLE_METRICS_TOKEN must not contain whitespace'],
    ['HOST', 'localhost', 'HOST must be an IPv4 or IPv6 address to bind'],
    ['CHRONICLE_REDIS_PREFIX', 'a b', 'CHRONICLE_REDIS_PREFIX must be 1-64 characters'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of error, warn, info, debug'],
    ['CHRONICLE_MAX_HEAVY_QUERIES', '0', 'CHRONICLE_MAX_HEAVY_QUERIES must be a whole number'],
  ])('names %s when it is %j', (setting, value, message) => {
    const load = () => loadConfig({ ...valid(), [setting]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`Invalid configuration: ${message}`);
  });

  it('names an unwritable data folder', () => {
    const file = join(dataDir, 'a-file');
    writeFileSync(file, '');

    expect(() => loadConfig({ ...valid(), CHRONICLE_DATA_DIR: join(file, 'sub') })).toThrow(
      /^Invalid configuration: CHRONICLE_DATA_DIR must be a writable folder \(.*a-file\/sub: ENOTDIR\)$/,
    );
  });

  it('names every bad setting on one line', () => {
    const load = () => loadConfig({ ...valid(), PORT: 'x', REDIS_URL: 'x' });

    expect(load).toThrow(/^Invalid configuration: PORT .+; REDIS_URL .+$/);
  });

  it('never prints secrets: no API key tokens, no URL passwords', () => {
    const messageOf = (env: NodeJS.ProcessEnv): string => {
      try {
        loadConfig({ ...valid(), ...env });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };

    expect(messageOf({ CHRONICLE_API_KEYS: 'hunter2=root' })).not.toContain('hunter2');
    expect(messageOf({ REDIS_URL: 'http://user:hunter2@cache' })).toContain('"http://***@cache"');
  });

  describe('without CHRONICLE_API_KEYS', () => {
    const keyFile = () => join(dataDir, 'dev-api-keys.json');

    it('creates one development key per role in a file only its owner can read', () => {
      const config = loadConfig({ CHRONICLE_DATA_DIR: dataDir });

      expect(config.devApiKeysFile).toBe(keyFile());
      expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
      expect(config.apiKeys.map((key) => key.roles)).toEqual([
        ['service'],
        ['analyst'],
        ['auditor'],
        ['admin'],
      ]);
    });

    it('reuses the same keys on the next start', () => {
      const first = loadConfig({ CHRONICLE_DATA_DIR: dataDir });
      const fileBefore = readFileSync(keyFile(), 'utf8');
      const second = loadConfig({ CHRONICLE_DATA_DIR: dataDir });

      expect(second.apiKeys.map((key) => key.id)).toEqual(first.apiKeys.map((key) => key.id));
      expect(readFileSync(keyFile(), 'utf8')).toBe(fileBefore);
    });

    it('refuses to start on a damaged key file rather than accept unknown keys', () => {
      writeFileSync(keyFile(), '{"keys": []}');

      expect(() => loadConfig({ CHRONICLE_DATA_DIR: dataDir })).toThrow(
        /^Invalid configuration: CHRONICLE_API_KEYS is unset and the development keys failed: .*delete it/,
      );
    });
  });
});
