import type { Identity } from '../session/api-shapes';
import { h, replaceChildren } from '../ui/dom';
import { hasRole, markState } from './page-context';
import { ROUTES } from './routes';

/** `/console`: every page, with what it shows and whether this key may read it. */
export function homePage(main: HTMLElement, identity: Identity): void {
  replaceChildren(
    main,
    h('h1', {}, 'Chronicle console'),
    h(
      'p',
      { class: 'intro' },
      'Read-only views of the event store: analysts see the figures, auditors walk a ' +
        "customer's history and its proof, operators watch the projections.",
    ),
    h(
      'ul',
      { class: 'cards' },
      ...ROUTES.map((route) =>
        h(
          'li',
          { class: 'card' },
          h('h2', {}, h('a', { href: `/console/${route.path}` }, route.label)),
          h('p', {}, route.summary),
          hasRole(identity, route.role)
            ? undefined
            : h('p', { class: 'hint' }, `Needs a key with the ${route.role} role.`),
        ),
      ),
    ),
  );
  markState(main, 'ready');
}
