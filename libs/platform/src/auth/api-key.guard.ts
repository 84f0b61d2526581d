import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '../config/chronicle-config';
import type { Role } from '../config/roles';
import { ChronicleError } from '../errors/chronicle-error';
import type { RequestWithActor } from './actor';
import { PUBLIC_METADATA, ROLES_METADATA } from './auth.decorators';
import { findApiKey } from './find-api-key';

const ADMIN_ONLY: readonly Role[] = ['admin'];

/** The global guard: a known bearer token with one of the route's roles, unless `@Public`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // Only HTTP carries API keys; any other transport added later must bring its own guard.
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      throw new ChronicleError(
        'UNAUTHENTICATED',
        'Send an API key as Authorization: Bearer <token>',
      );
    }
    const key = findApiKey(token, this.config.apiKeys);
    if (!key) throw new ChronicleError('UNAUTHENTICATED', 'Unknown API key');

    request.actor = { id: key.id, roles: key.roles };
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_METADATA, targets) ?? ADMIN_ONLY;
    const permitted = key.roles.some((role) => role === 'admin' || allowed.includes(role));
    if (permitted) return true;
    throw new ChronicleError('FORBIDDEN', `This needs the role ${allowed.join(' or ')}`);
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}
