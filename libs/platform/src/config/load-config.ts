import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateSync, type ValidationError } from 'class-validator';
import { type ApiKey, parseApiKeys } from './api-keys';
import { parseByteSize } from './byte-size';
import type { ChronicleConfig } from './chronicle-config';
import { ConfigError } from './config-error';
import { loadOrCreateDevApiKeys } from './dev-api-keys';
import type { LogLevelName } from './log-level';
import { EnvDto, ENV_SETTINGS, SECRET_SETTINGS } from './env.dto';
import { parseProcessRoles } from './process-roles';
import { hostList } from './webhook-hosts-setting';

const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
// Two cores run everything: more heavy reads at once only lengthen each one and the commands' waits.
const DEFAULT_MAX_HEAVY_QUERIES = 4;

/**
 * Validates the environment once, at start. Creates the data folder if missing, proves it
 * writable, and creates or reuses development API keys when CHRONICLE_API_KEYS is unset.
 * @throws ConfigError with one line naming every bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ChronicleConfig {
  const dto = toEnvDto(env);
  const problems = validateSync(dto).map(describeProblem);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);

  const dataDir = resolve(dto.CHRONICLE_DATA_DIR ?? './data');
  ensureWritableFolder(dataDir);
  const keys: { keys: ApiKey[]; file?: string } = dto.CHRONICLE_API_KEYS
    ? { keys: parseApiKeys(dto.CHRONICLE_API_KEYS) }
    : devKeys(dataDir);

  return {
    port: Number(dto.PORT ?? 3000),
    host: dto.HOST ?? '0.0.0.0',
    dataDir,
    eventStoreUrl: dto.EVENTSTORE_URL,
    mongoUrl: dto.MONGO_URL,
    redisUrl: dto.REDIS_URL,
    apiKeys: keys.keys,
    devApiKeysFile: keys.file,
    bodyLimitBytes: parseByteSize(dto.CHRONICLE_BODY_LIMIT ?? '') ?? DEFAULT_BODY_LIMIT_BYTES,
    metricsToken: dto.CHRONICLE_METRICS_TOKEN,
    redisPrefix: dto.CHRONICLE_REDIS_PREFIX ?? 'bull',
    logLevel: (dto.LOG_LEVEL as LogLevelName | undefined) ?? 'info',
    faultPoint: dto.CHRONICLE_FAULT,
    maxHeavyQueries: Number(dto.CHRONICLE_MAX_HEAVY_QUERIES ?? DEFAULT_MAX_HEAVY_QUERIES),
    signingKey: dto.CHRONICLE_SIGNING_KEY,
    webhookAllowedHosts: hostList(dto.CHRONICLE_WEBHOOK_ALLOWED_HOSTS),
    processRoles: parseProcessRoles(dto.CHRONICLE_ROLES),
  };
}

function toEnvDto(env: NodeJS.ProcessEnv): EnvDto {
  const dto = new EnvDto();
  for (const setting of ENV_SETTINGS) {
    const value = env[setting]?.trim();
    // An empty variable (`REDIS_URL=`) means unset, as shells and compose files often write it.
    if (value) dto[setting] = value;
  }
  return dto;
}

function describeProblem(error: ValidationError): string {
  const message = Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`;
  if (SECRET_SETTINGS.has(error.property)) return message;
  return `${message} (got ${JSON.stringify(withoutCredentials(String(error.value)))})`;
}

/** `scheme://user:password@host` → `scheme://***@host`: errors go to logs. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1***@');
}

function ensureWritableFolder(dataDir: string): void {
  const probe = resolve(dataDir, `.write-probe-${randomUUID()}`);
  try {
    // Private to this user: the folder holds ciphertext, keyed hashes and the keys themselves.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    writeFileSync(probe, 'probe');
    rmSync(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `Invalid configuration: CHRONICLE_DATA_DIR must be a writable folder (${dataDir}: ${reason})`,
    );
  }
}

function devKeys(dataDir: string): ReturnType<typeof loadOrCreateDevApiKeys> {
  try {
    return loadOrCreateDevApiKeys(dataDir);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ConfigError(
      `Invalid configuration: CHRONICLE_API_KEYS is unset and the development keys failed: ${reason}`,
    );
  }
}

/**
 * For an entry point (API, worker): the validated config, or the one line naming the bad setting
 * on stderr and exit code 1. An entry point's only read of the environment.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): ChronicleConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
