import './styles/console.css';
import { storeKey, takeKeyFromFragment } from './session/api-key';
import { ConsoleApp } from './shell/console-app';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id}`);
  return found;
}

// A key passed once as `#key=…` is stored for this tab, then taken out of the address bar (and
// so out of the history and of anything copied from it) before anything else runs.
const { key, rest } = takeKeyFromFragment(location.hash);
if (key) {
  storeKey(sessionStorage, key);
  history.replaceState(null, '', `${location.pathname}${location.search}${rest}`);
}

const main = element('main');
const app = new ConsoleApp(main, element('nav'), element('identity'));

// Links inside the console switch pages without a reload; anything else is left to the browser.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !/^\/console(\/|$)/.test(url.pathname)) return;
  event.preventDefault();
  void app.navigate(`${url.pathname}${url.hash}`);
});
window.addEventListener('popstate', () => void app.render());
element('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

void app.start();
