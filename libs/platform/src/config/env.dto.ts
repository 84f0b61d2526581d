import {
  IsIn,
  IsIP,
  IsOptional,
  IsPort,
  Matches,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { parseApiKeys } from './api-keys';
import { BYTE_SIZE_PATTERN } from './byte-size';
import { LOG_LEVELS } from './log-level';
import { IsProcessRoleList } from './process-roles';
import { IsEd25519PrivateKey } from './signing-key-setting';
import { IsHostList } from './webhook-hosts-setting';

/** The environment settings Chronicle reads; every other variable is ignored. */
export class EnvDto {
  @IsOptional()
  @IsPort({ message: 'PORT must be a whole number from 0 to 65535' })
  PORT?: string;

  @IsOptional()
  @IsIP(undefined, { message: 'HOST must be an IPv4 or IPv6 address to bind, such as 127.0.0.1' })
  HOST?: string;

  @IsOptional()
  CHRONICLE_DATA_DIR?: string;

  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/[^\s/?]+/, {
    message: 'EVENTSTORE_URL must be an esdb:// or esdb+discover:// URL',
  })
  EVENTSTORE_URL?: string;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/[^\s/?]+/, {
    message: 'MONGO_URL must be a mongodb:// or mongodb+srv:// URL',
  })
  MONGO_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s/?]+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsApiKeyList()
  CHRONICLE_API_KEYS?: string;

  @IsOptional()
  @Matches(BYTE_SIZE_PATTERN, {
    message: 'CHRONICLE_BODY_LIMIT must be a size such as 256kb, 1mb or 262144 (bytes)',
  })
  CHRONICLE_BODY_LIMIT?: string;

  @IsOptional()
  @Matches(/^\S+$/, { message: 'CHRONICLE_METRICS_TOKEN must not contain whitespace' })
  CHRONICLE_METRICS_TOKEN?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, {
    message: 'CHRONICLE_REDIS_PREFIX must be 1-64 characters of A-Z a-z 0-9 _ . : -',
  })
  CHRONICLE_REDIS_PREFIX?: string;

  @IsOptional()
  @Matches(/^[1-9][0-9]{0,3}$/, {
    message: 'CHRONICLE_MAX_HEAVY_QUERIES must be a whole number from 1 to 9999',
  })
  CHRONICLE_MAX_HEAVY_QUERIES?: string;

  /** Test-only: the crash tests' fault point (docs/adr/007-erasure.md); the application checks the name. */
  @IsOptional()
  @Matches(/^[a-z]+(?:[.-][a-z]+)*$/, { message: 'CHRONICLE_FAULT must name a fault point' })
  CHRONICLE_FAULT?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsEd25519PrivateKey()
  CHRONICLE_SIGNING_KEY?: string;

  @IsOptional()
  @IsHostList()
  CHRONICLE_WEBHOOK_ALLOWED_HOSTS?: string;

  @IsOptional()
  @IsProcessRoleList()
  CHRONICLE_ROLES?: string;
}

export const ENV_SETTINGS = [
  'PORT',
  'HOST',
  'CHRONICLE_DATA_DIR',
  'EVENTSTORE_URL',
  'MONGO_URL',
  'REDIS_URL',
  'CHRONICLE_API_KEYS',
  'CHRONICLE_BODY_LIMIT',
  'CHRONICLE_METRICS_TOKEN',
  'CHRONICLE_REDIS_PREFIX',
  'LOG_LEVEL',
  'CHRONICLE_SIGNING_KEY',
  'CHRONICLE_MAX_HEAVY_QUERIES',
  'CHRONICLE_FAULT',
  'CHRONICLE_WEBHOOK_ALLOWED_HOSTS',
  'CHRONICLE_ROLES',
] as const satisfies readonly (keyof EnvDto)[];

/** Settings whose value is a secret and never appears in an error message. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([
  'CHRONICLE_API_KEYS',
  'CHRONICLE_METRICS_TOKEN',
  'CHRONICLE_SIGNING_KEY',
]);

function IsApiKeyList(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isApiKeyList',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && apiKeyProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `CHRONICLE_API_KEYS ${apiKeyProblem(String(args?.value)) ?? 'is invalid'}`,
      },
    });
}

function apiKeyProblem(spec: string): string | null {
  try {
    parseApiKeys(spec);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
