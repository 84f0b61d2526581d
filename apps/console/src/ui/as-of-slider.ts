import { h } from './dom';

const DAY_MS = 86_400_000;
/** Where the slider starts when the page has no `from`: before any data this product has seen. */
const EARLIEST_DAY = '2000-01-01';

export interface AsOfSliderOptions {
  /** The page's `from` (a day or a time), where the slider starts. */
  from?: string;
  /** The chosen `validAt`; absent = now. */
  value?: string;
  onChange: (validAt: string | undefined) => void;
}

/**
 * The business-time slider: one step per day from the page's `from` to today, the last step
 * being "now" (no `validAt` sent). A chosen day means the end of that day, UTC, so the figures
 * include what happened on it. It moves by arrow keys too; the figures load when it is let go.
 */
export function asOfSlider({ from, value, onChange }: AsOfSliderOptions): HTMLElement {
  const start = dayStart(from ?? EARLIEST_DAY);
  const today = dayStart(new Date().toISOString());
  const steps = Math.max(1, Math.round((today - start) / DAY_MS));
  const stepOf = (validAt: string | undefined): number =>
    validAt === undefined
      ? steps
      : Math.min(steps, Math.max(0, Math.round((dayStart(validAt) - start) / DAY_MS)));
  const dayAt = (step: number): string | undefined =>
    step >= steps ? undefined : new Date(start + step * DAY_MS).toISOString().slice(0, 10);

  const slider = h('input', {
    type: 'range',
    id: 'as-of',
    name: 'validAt',
    min: 0,
    max: steps,
    step: 1,
    value: stepOf(value),
  });
  const output = h('output', { for: 'as-of', id: 'as-of-value' });
  const show = (): void => {
    const day = dayAt(Number(slider.value));
    output.textContent = day ?? 'now';
    slider.setAttribute('aria-valuetext', day ?? 'now');
  };
  show();
  slider.addEventListener('input', show);
  slider.addEventListener('change', () => {
    const day = dayAt(Number(slider.value));
    onChange(day === undefined ? undefined : `${day}T23:59:59Z`);
  });
  return h(
    'div',
    { class: 'as-of' },
    h('label', { for: 'as-of' }, 'As of business time'),
    slider,
    output,
    h(
      'button',
      { type: 'button', onclick: () => onChange(undefined), disabled: value === undefined },
      'Now',
    ),
  );
}

function dayStart(time: string): number {
  const parsed = Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);
  const day = Number.isNaN(parsed) ? Date.parse(`${EARLIEST_DAY}T00:00:00Z`) : parsed;
  return day - (day % DAY_MS);
}
