import { ApiClient, ApiError } from '../session/api-client';
import { forgetKey, storedKey, storeKey } from '../session/api-key';
import type { Identity } from '../session/api-shapes';
import { type Capabilities, loadCapabilities } from '../session/capabilities';
import { h, replaceChildren } from '../ui/dom';
import { errorNotice } from './errors';
import { homePage } from './home-page';
import { hasRole, markState } from './page-context';
import { matchRoute } from './route-match';
import { ROUTES } from './routes';
import { showSignIn } from './sign-in';

const REFUSED_KEY =
  'The server does not know this API key (401). Check that it was copied whole, or ask an ' +
  'administrator for a valid one.';

interface Session {
  api: ApiClient;
  identity: Identity;
  capabilities: Capabilities;
}

/** The shell: who is signed in, the navigation, and which page draws into `main`. */
export class ConsoleApp {
  private session?: Session;
  private leaving: Array<() => void> = [];

  constructor(
    private readonly main: HTMLElement,
    private readonly nav: HTMLElement,
    private readonly identityBox: HTMLElement,
  ) {}

  async start(message?: string): Promise<void> {
    const key = storedKey(sessionStorage);
    if (!key) return this.signIn(message);
    markState(this.main, 'loading');
    const api = new ApiClient(key, () => void this.refused());
    try {
      const [identity, capabilities] = await Promise.all([
        api.get<Identity>('/whoami'),
        loadCapabilities(),
      ]);
      this.session = { api, identity, capabilities };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      replaceChildren(
        this.main,
        h('h1', {}, 'Chronicle console'),
        errorNotice(error, { id: '', roles: [] }),
      );
      markState(this.main, 'failed');
      return;
    }
    this.drawChrome();
    await this.render();
  }

  /** Follows a link inside the console without reloading the page. */
  async navigate(path: string): Promise<void> {
    history.pushState(null, '', path);
    await this.render();
    this.main.focus();
  }

  async render(): Promise<void> {
    for (const leave of this.leaving.splice(0)) leave();
    const session = this.session;
    if (!session) return;
    const { route, segments } = matchRoute(location.pathname, ROUTES);
    this.markCurrent(route?.path);
    document.title = `${route?.label ?? 'Home'} · Chronicle console`;
    if (!route) return homePage(this.main, session.identity);
    markState(this.main, 'loading');
    await route.page({
      ...session,
      main: this.main,
      segments,
      navigate: (path) => void this.navigate(path),
      onLeave: (cleanup) => this.leaving.push(cleanup),
    });
  }

  private signIn(message?: string): void {
    this.session = undefined;
    replaceChildren(this.nav);
    replaceChildren(this.identityBox);
    showSignIn(this.main, message, (key) => {
      storeKey(sessionStorage, key);
      void this.start();
    });
  }

  /** Any 401: the key was refused (mistyped, or revoked since): forget it and ask again. */
  private refused(): void {
    forgetKey(sessionStorage);
    for (const leave of this.leaving.splice(0)) leave();
    this.signIn(REFUSED_KEY);
  }

  private drawChrome(): void {
    const identity = this.session?.identity;
    if (!identity) return;
    replaceChildren(
      this.nav,
      h(
        'ul',
        {},
        ...ROUTES.map((route) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: `/console/${route.path}`,
                'data-route': route.path,
                class: hasRole(identity, route.role) ? undefined : 'muted',
                title: hasRole(identity, route.role)
                  ? undefined
                  : `Needs a key with the ${route.role} role`,
              },
              route.label,
            ),
          ),
        ),
      ),
    );
    replaceChildren(
      this.identityBox,
      h('span', {}, `${identity.id} · ${identity.roles.join(', ')}`),
      h('button', { type: 'button', onclick: () => this.signOut() }, 'Sign out'),
    );
  }

  private signOut(): void {
    forgetKey(sessionStorage);
    for (const leave of this.leaving.splice(0)) leave();
    this.signIn();
  }

  private markCurrent(path: string | undefined): void {
    for (const link of this.nav.querySelectorAll<HTMLAnchorElement>('a[data-route]')) {
      if (link.dataset.route === path) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }
}
