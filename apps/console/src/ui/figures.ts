import { h } from './dom';

export interface Figure {
  /** Names the figure in the DOM (`data-figure`). */
  key: string;
  label: string;
  value: number | string | null;
  text: string;
  /** One line under the figure that says what it counts. */
  hint?: string;
  tone?: 'good' | 'bad';
}

/** Headline figures as a description list: one tile per figure. */
export function figureList(label: string, figures: readonly Figure[]): HTMLElement {
  return h(
    'dl',
    { class: 'figures', 'aria-label': label },
    ...figures.map((figure) =>
      h(
        'div',
        { class: figure.tone ? `figure figure-${figure.tone}` : 'figure' },
        h('dt', {}, figure.label),
        h(
          'dd',
          { 'data-figure': figure.key, 'data-value': figure.value === null ? '' : figure.value },
          figure.text,
        ),
        figure.hint ? h('dd', { class: 'hint' }, figure.hint) : undefined,
      ),
    ),
  );
}
