import { ApiError } from '../session/api-client';
import type { Identity } from '../session/api-shapes';
import { type Child, notice } from '../ui/dom';

/** The message a person needs, for any failure of a page's requests. */
export function errorNotice(error: unknown, identity: Identity, needs?: string): HTMLElement {
  return notice('error', ...explain(error, identity, needs));
}

function explain(error: unknown, identity: Identity, needs?: string): Child[] {
  if (!(error instanceof ApiError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return [`The server could not be reached (${detail}). Check the connection and reload.`];
  }
  const roles = identity.roles.join(', ');
  switch (error.code) {
    case 'FORBIDDEN':
      return [
        `Your key (roles: ${roles}) may not read this page`,
        needs ? `: it needs the ${needs} role.` : '.',
        ' Ask an administrator for a key with that role.',
      ];
    case 'NOT_FOUND':
      return [`Not found: ${error.message}.`];
    case 'NOT_CAUGHT_UP':
      return ['The views are still catching up with the latest events. Reload in a moment.'];
    case 'RATE_LIMITED':
      return ['The server is busy with other heavy reads. Reload in a few seconds.'];
    case 'VALIDATION_FAILED':
      return [
        `The server refused the filters: ${problems(error.details)}. Correct them and apply.`,
      ];
    default:
      return [`The server answered ${error.status} ${error.code}: ${error.message}`];
  }
}

function problems(details: unknown): string {
  if (!Array.isArray(details)) return 'see the values entered';
  return details
    .map((detail: { field?: unknown; problems?: unknown }) => {
      const what = Array.isArray(detail.problems) ? detail.problems.join('; ') : 'invalid';
      return `${String(detail.field)} (${what})`;
    })
    .join(', ');
}
