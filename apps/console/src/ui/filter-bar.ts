import { h } from './dom';

export interface FilterField {
  /** The API's query parameter. */
  name: string;
  label: string;
  kind: 'date' | 'text' | 'choice';
  /** For `choice`: the values, the first one shown as the default. */
  choices?: readonly string[];
  /** For `choice`: what the empty value means (e.g. "any priority"); absent = no empty value. */
  anyLabel?: string;
}

export interface FilterBarOptions {
  fields: readonly FilterField[];
  values: URLSearchParams;
  onApply: (values: URLSearchParams) => void;
}

/**
 * The page's filters as one form: Apply (or Enter) sends them all at once, so the figures never
 * show a half-typed filter. Dates are calendar days, read by the API as midnight UTC.
 */
export function filterBar({ fields, values, onApply }: FilterBarOptions): HTMLFormElement {
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    ...fields.map((field) => fieldControl(field, values.get(field.name) ?? '')),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('button', { type: 'reset' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply(formValues(form, fields, values));
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    onApply(new URLSearchParams(keptValues(values, fields)));
  });
  return form;
}

function fieldControl(field: FilterField, value: string): HTMLElement {
  const id = `filter-${field.name}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, field.label),
    input(field, id, value),
  );
}

function input(field: FilterField, id: string, value: string): HTMLElement {
  if (field.kind === 'choice') {
    const options = field.anyLabel !== undefined ? ['', ...(field.choices ?? [])] : field.choices;
    return h(
      'select',
      { id, name: field.name },
      ...(options ?? []).map((choice) =>
        h(
          'option',
          { value: choice, selected: choice === value },
          choice === '' ? (field.anyLabel ?? '') : choice,
        ),
      ),
    );
  }
  return h('input', {
    id,
    name: field.name,
    type: field.kind === 'date' ? 'date' : 'text',
    value,
    autocomplete: 'off',
    spellcheck: field.kind === 'text' ? 'false' : undefined,
  });
}

function formValues(
  form: HTMLFormElement,
  fields: readonly FilterField[],
  previous: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(keptValues(previous, fields));
  const data = new FormData(form);
  for (const field of fields) {
    const entry = data.get(field.name);
    const value = typeof entry === 'string' ? entry.trim() : '';
    if (value !== '') next.set(field.name, value);
  }
  return next;
}

/** Fragment values this form does not own (the as-of slider's, another panel's), kept as they are. */
function keptValues(values: URLSearchParams, fields: readonly FilterField[]): string[][] {
  const owned = new Set(fields.map((field) => field.name));
  return [...values.entries()].filter(([name]) => !owned.has(name));
}
