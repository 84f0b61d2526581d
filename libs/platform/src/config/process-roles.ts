import { registerDecorator } from 'class-validator';

/**
 * The background work a process takes on (CHRONICLE_ROLES). Several processes may hold the same
 * role: the leases decide which one does the work at any moment (docs/adr/010-leases-and-roles.md).
 */
export const PROCESS_ROLES = ['http', 'projectors', 'timers', 'queue', 'webhooks'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export function isProcessRole(value: string): value is ProcessRole {
  return (PROCESS_ROLES as readonly string[]).includes(value);
}

/** Whether the process takes on `role`; a config without roles (a test's own) takes on all. */
export function hasProcessRole(
  config: { processRoles?: ReadonlySet<ProcessRole> },
  role: ProcessRole,
): boolean {
  return config.processRoles?.has(role) ?? true;
}

/**
 * `http,projectors` → the roles; every role when the setting is unset, as one process does all.
 * Throws an Error naming the first unknown role.
 */
export function parseProcessRoles(list: string | undefined): ReadonlySet<ProcessRole> {
  if (list === undefined) return new Set(PROCESS_ROLES);
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new Error(`names no role (known: ${PROCESS_ROLES.join(', ')})`);
  const roles = new Set<ProcessRole>();
  for (const name of names) {
    if (!isProcessRole(name)) {
      throw new Error(`has an unknown role "${name}" (known: ${PROCESS_ROLES.join(', ')})`);
    }
    roles.add(name);
  }
  return roles;
}

/** CHRONICLE_ROLES: a comma-separated list of {@link PROCESS_ROLES}. */
export function IsProcessRoleList(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isProcessRoleList',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && roleListProblem(value) === null,
        defaultMessage: (args) =>
          `CHRONICLE_ROLES ${roleListProblem(String(args?.value)) ?? 'is invalid'}`,
      },
    });
}

function roleListProblem(list: string): string | null {
  try {
    parseProcessRoles(list);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
