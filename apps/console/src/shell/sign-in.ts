import { h, notice, replaceChildren } from '../ui/dom';
import { markState } from './page-context';

/**
 * Asks for an API key. It is kept in this tab's sessionStorage only and sent only to this
 * server; `message` explains why the form is shown (a refused key, a sign-out).
 */
export function showSignIn(
  main: HTMLElement,
  message: string | undefined,
  onKey: (key: string) => void,
): void {
  const input = h('input', {
    id: 'api-key',
    name: 'apiKey',
    type: 'password',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'API key'), input),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key !== '') onKey(key);
  });
  replaceChildren(
    main,
    h('h1', { id: 'sign-in-title' }, 'Sign in'),
    message ? notice('error', message) : undefined,
    h(
      'p',
      { class: 'intro' },
      'Type an API key (Authorization: Bearer). It stays in this browser tab only and is sent ' +
        'to this server alone; closing the tab forgets it.',
    ),
    form,
  );
  markState(main, message ? 'failed' : 'ready');
  input.focus();
}
