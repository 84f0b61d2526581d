import type { ApiKey } from './api-keys';
import type { LogLevelName } from './log-level';
import type { ProcessRole } from './process-roles';

/** Nest injection token for the validated {@link ChronicleConfig}. */
export const CHRONICLE_CONFIG = Symbol('CHRONICLE_CONFIG');

/** The process configuration, validated once at start by `loadConfig`. */
export interface ChronicleConfig {
  port: number;
  /** The address the HTTP server binds; default every IPv4 interface. */
  host: string;
  /** Absolute path of the folder for the embedded stores; exists and is writable. */
  dataDir: string;
  /** Set → EventStoreDB adapter; unset → embedded event store. */
  eventStoreUrl?: string;
  /** Set → MongoDB read models; unset → embedded read store. */
  mongoUrl?: string;
  /** Set → BullMQ queues and ioredis; unset → in-process scheduler. */
  redisUrl?: string;
  /** Never empty: from CHRONICLE_API_KEYS, or development keys when it is unset. */
  apiKeys: readonly ApiKey[];
  /** Where the development keys are, when CHRONICLE_API_KEYS was unset. */
  devApiKeysFile?: string;
  bodyLimitBytes: number;
  metricsToken?: string;
  /** BullMQ key prefix of every queue, so deployments can share one Redis; default `bull`. */
  redisPrefix: string;
  logLevel: LogLevelName;
  /** Heavy reads (views, audit) that may run at once per role before 429 RATE_LIMITED. */
  maxHeavyQueries: number;
  /** Test-only: where the crash tests make the process kill itself; unset in real deployments. */
  faultPoint?: string;
  /** CHRONICLE_SIGNING_KEY: the checkpoint key; unset → one generated in the data folder. */
  signingKey?: string;
  /** CHRONICLE_WEBHOOK_ALLOWED_HOSTS: host names, addresses or CIDRs webhooks may reach though private. */
  webhookAllowedHosts?: readonly string[];
  /** CHRONICLE_ROLES: the work this process takes on; unset (hand-built configs) → every role. */
  processRoles?: ReadonlySet<ProcessRole>;
}
