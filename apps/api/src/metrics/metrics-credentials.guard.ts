import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import {
  bearerToken,
  CHRONICLE_CONFIG,
  ChronicleError,
  type ChronicleConfig,
  type RequestWithActor,
} from '@chronicle/platform';

/**
 * The API-key guard knows only API keys, so `/metrics` checks its own credentials: an admin key
 * (its actor found by the key hook before the body, as on every route) or the metrics token. As a
 * guard it runs before the query is judged, so a caller without credentials meets 401 whatever it
 * sends.
 */
@Injectable()
export class MetricsCredentialsGuard implements CanActivate {
  constructor(@Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (request.actor) {
      if (request.actor.roles.includes('admin')) return true;
      throw new ChronicleError('FORBIDDEN', 'Metrics need the admin role');
    }
    const token = bearerToken(request.headers.authorization);
    if (!token)
      throw new ChronicleError('UNAUTHENTICATED', 'An API key or the metrics token is required');
    if (this.config.metricsToken && sameSecret(token, this.config.metricsToken)) return true;
    throw new ChronicleError('UNAUTHENTICATED', 'Unknown API key');
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
