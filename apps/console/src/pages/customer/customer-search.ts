import type { PageContext } from '../../shell/page-context';
import { markState } from '../../shell/page-context';
import { h, replaceChildren } from '../../ui/dom';

/** `/console/customers`: asks for the contact id whose history to open. */
export function customerSearch(context: PageContext): Promise<void> {
  const input = h('input', {
    id: 'contact-id',
    name: 'contactId',
    type: 'text',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Open a customer' },
    h('div', { class: 'field' }, h('label', { for: 'contact-id' }, 'Contact id'), input),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Open history'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const contactId = input.value.trim();
    if (contactId !== '') context.navigate(`/console/customers/${encodeURIComponent(contactId)}`);
  });
  replaceChildren(
    context.main,
    h('h1', {}, 'Customers'),
    h(
      'p',
      { class: 'intro' },
      "Open a customer's history by its contact id: its events, its state at any point, and the " +
        'proof that the history is intact.',
    ),
    form,
  );
  markState(context.main, 'ready');
  return Promise.resolve();
}
