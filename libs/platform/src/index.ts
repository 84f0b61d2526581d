export { CHRONICLE_CONFIG, type ChronicleConfig } from './config/chronicle-config';
export { ConfigError } from './config/config-error';
export { loadConfig, loadConfigOrExit } from './config/load-config';
export { apiKeyFor, parseApiKeys, type ApiKey } from './config/api-keys';
export { ROLES, isRole, type Role } from './config/roles';
export { LOG_LEVELS, nestLogLevel, type LogLevelName } from './config/log-level';

export type { Actor, RequestWithActor } from './auth/actor';
export { ApiKeyGuard } from './auth/api-key.guard';
export { CurrentActor, Public, Roles } from './auth/auth.decorators';
export { actorOfToken, bearerToken } from './auth/bearer-token';
export { installHttpBoundary, type HttpBoundarySettings } from './http/http-boundary';
export { answerFrameworkErrors } from './http/framework-errors';

export {
  ChronicleError,
  validationFailed,
  type ChronicleErrorCode,
  type FieldProblem,
} from './errors/chronicle-error';
export { ChronicleExceptionFilter } from './errors/chronicle-exception.filter';
export { toErrorResponse, type ErrorBody, type ErrorResponse } from './errors/error-response';
export { STATUS_BY_CODE } from './errors/status-by-code';
export { createValidationPipe, toFieldProblems } from './errors/validation';

export { JsonLogger, type JsonLoggerOptions } from './logging/json-logger';
export {
  CORRELATION_ID_HEADER,
  correlateRequest,
  correlationIdOf,
} from './logging/correlation-id.hook';
export { currentCorrelationId, runWithCorrelationId } from './logging/request-context';

export { PlatformModule } from './platform.module';
export { SHUTDOWN_GRACE_MS, stopOnSignals } from './lifecycle/stop-on-signals';
// logging
export { logAccess, logFrameworkErrorAccess } from './logging/access-log.hook';
export { routeTemplateOf } from './logging/route-template';
// roles
export {
  PROCESS_ROLES,
  hasProcessRole,
  parseProcessRoles,
  type ProcessRole,
} from './config/process-roles';
