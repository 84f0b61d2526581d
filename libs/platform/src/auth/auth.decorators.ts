import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../config/roles';
import { ChronicleError } from '../errors/chronicle-error';
import type { Actor, RequestWithActor } from './actor';

export const ROLES_METADATA = 'chronicle:roles';
export const PUBLIC_METADATA = 'chronicle:public';

/**
 * The roles that may call a handler or every handler of a controller; any one suffices, and
 * `admin` always may. Routes with neither `@Roles` nor `@Public` are admin-only (fail closed).
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_METADATA, roles);

/** Opens a handler or controller to requests without an API key (e.g. `/health`). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);

/** Injects the authenticated {@link Actor}; fails with 401 on a `@Public` route without one. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const actor: Actor | undefined = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new ChronicleError('UNAUTHENTICATED', 'This request carries no API key');
  return actor;
});
