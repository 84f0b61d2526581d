import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '../config/chronicle-config';
import type { Role } from '../config/roles';
import { ChronicleError } from '../errors/chronicle-error';
import type { Actor, RequestWithActor } from './actor';
import { PUBLIC_METADATA, ROLES_METADATA } from './auth.decorators';
import { actorOfToken, bearerToken } from './bearer-token';

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
    // authenticateFirst has usually found the actor already, before the body was read.
    request.actor ??= this.authenticate(request);
    const { roles } = request.actor;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_METADATA, targets) ?? ADMIN_ONLY;
    const permitted = roles.some((role) => role === 'admin' || allowed.includes(role));
    if (permitted) return true;
    throw new ChronicleError('FORBIDDEN', `This needs the role ${allowed.join(' or ')}`);
  }

  private authenticate(request: RequestWithActor): Actor {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      throw new ChronicleError(
        'UNAUTHENTICATED',
        'Send an API key as Authorization: Bearer <token>',
      );
    }
    const actor = actorOfToken(token, this.config.apiKeys);
    if (!actor) throw new ChronicleError('UNAUTHENTICATED', 'Unknown API key');
    return actor;
  }
}
