import type { DataQualityView } from '../session/api-shapes';
import { type Child, h } from '../ui/dom';
import { figureList } from '../ui/figures';
import { formatCount } from '../ui/format';

/** The contacts' data quality beside the funnel: what the cohort figures rest on. */
export function dataQualitySection(quality: DataQualityView): Child[] {
  const figure = (key: string, label: string, value: number, hint?: string) => ({
    key: `dataQuality.${key}`,
    label,
    value,
    text: formatCount(value),
    hint,
  });
  return [
    h('h2', {}, 'Contact data quality'),
    figureList('Contact data quality', [
      figure('contacts', 'Live contacts', quality.contacts, 'neither erased nor merged away'),
      figure('missing.name', 'Without a name', quality.missing.name),
      figure('missing.email', 'Without an e-mail', quality.missing.email),
      figure('missing.phone', 'Without a phone', quality.missing.phone),
      figure('missing.owner', 'Without an owner', quality.missing.owner),
      figure(
        'duplicatesSuspected.open',
        'Suspected duplicates',
        quality.duplicatesSuspected.open,
        `${formatCount(quality.duplicatesSuspected.contacts)} contacts in them`,
      ),
      figure('stale', 'Stale', quality.stale, 'no event in the last 365 days'),
      figure('erased', 'Erased', quality.erased),
      figure('merged', 'Merged away', quality.merged),
    ]),
  ];
}
