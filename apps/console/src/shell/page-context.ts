import type { ApiClient } from '../session/api-client';
import type { Identity } from '../session/api-shapes';
import type { Capabilities } from '../session/capabilities';

/** What a page is given to draw itself into `main`. */
export interface PageContext {
  api: ApiClient;
  capabilities: Capabilities;
  identity: Identity;
  main: HTMLElement;
  /** Path segments after the page's own (`/console/customers/C-1` → `['C-1']`). */
  segments: string[];
  navigate: (path: string) => void;
  /** Called when the user leaves the page (timers, charts). */
  onLeave: (cleanup: () => void) => void;
}

export type Page = (context: PageContext) => Promise<void>;

/**
 * `main[data-state]` says whether the figures on screen are final: `loading` while a request
 * is out, `ready` once drawn, `failed` when a message replaced them; `data-settled` counts the
 * times it left `loading`. Tests and people alike wait for these instead of guessing.
 */
export function markState(main: HTMLElement, state: 'loading' | 'ready' | 'failed'): void {
  if (state !== 'loading') main.dataset.settled = String(Number(main.dataset.settled ?? 0) + 1);
  main.dataset.state = state;
  main.setAttribute('aria-busy', String(state === 'loading'));
}

export function hasRole(identity: Identity, role: string): boolean {
  return identity.roles.includes(role) || identity.roles.includes('admin');
}
