import { errorNotice } from '../shell/errors';
import { markState, type PageContext } from '../shell/page-context';
import type { Capabilities } from '../session/capabilities';
import { asOfSlider } from '../ui/as-of-slider';
import { ChartBoard } from '../ui/charts';
import { downloadCsv } from '../ui/csv';
import { type Child, h, replaceChildren } from '../ui/dom';
import { type FilterField, filterBar } from '../ui/filter-bar';
import { formatTime } from '../ui/format';
import { pick, readFragment, writeFragment } from '../ui/page-state';

export interface CsvDownload {
  label: string;
  filename: string;
  text: string;
}

export interface ViewPageSpec<T> {
  title: string;
  intro: Child;
  /** The view's route, as the OpenAPI document names it. */
  apiPath: string;
  /** Every filter the page knows; those the route does not declare are left out. */
  fields: readonly FilterField[];
  load: (context: PageContext, query: Record<string, string>) => Promise<T & { position: string }>;
  render: (data: T, board: ChartBoard, query: Record<string, string>) => Child[];
  downloads: (data: T) => CsvDownload[];
}

/**
 * An analyst's page: its filters (and the as-of slider when the view takes `validAt`), then the
 * figures for the filters in the fragment. Applying filters redraws the figures only, so focus
 * stays where the user left it.
 */
export async function viewPage<T>(context: PageContext, spec: ViewPageSpec<T>): Promise<void> {
  const { main, capabilities } = context;
  const fields = declaredFields(capabilities, spec.apiPath, spec.fields);
  const asOf = capabilities.accepts(spec.apiPath, 'validAt');
  const names = [...fields.map((field) => field.name), ...(asOf ? ['validAt'] : [])];
  const board = new ChartBoard();
  context.onLeave(() => board.destroyAll());
  const results = h('div', { class: 'results' });
  const status = h('p', { class: 'status', role: 'status' });
  const asOfPlace = h('div', { class: 'as-of-place' });

  const apply = (next: URLSearchParams): Promise<void> => {
    writeFragment(next, 'push');
    return refresh();
  };
  const refresh = async (): Promise<void> => {
    const params = readFragment();
    const query = pick(params, names);
    if (asOf) replaceChildren(asOfPlace, slider(params, apply));
    markState(main, 'loading');
    status.textContent = 'Loading…';
    try {
      const data = await spec.load(context, query);
      board.destroyAll();
      replaceChildren(results, ...spec.render(data, board, query), downloadButtons(spec, data));
      status.textContent = `Figures at position ${data.position}, read ${formatTime(new Date().toISOString())}.`;
      markState(main, 'ready');
    } catch (error) {
      board.destroyAll();
      replaceChildren(results, errorNotice(error, context.identity, 'analyst'));
      status.textContent = '';
      markState(main, 'failed');
    }
  };

  replaceChildren(
    main,
    h('h1', {}, spec.title),
    h('p', { class: 'intro' }, spec.intro),
    filterBar({ fields, values: readFragment(), onApply: (next) => void apply(next) }),
    asOfPlace,
    status,
    results,
  );
  await refresh();
}

/**
 * The fields the route declares. Choices come from the route's own list when the page gives
 * none; a choice with a single value is no choice and is left out. Without the OpenAPI
 * document, the v1 parameters every view has are assumed.
 */
function declaredFields(
  capabilities: Capabilities,
  apiPath: string,
  fields: readonly FilterField[],
): FilterField[] {
  if (!capabilities.has(apiPath)) {
    return fields.filter((field) => field.kind !== 'choice' || field.choices !== undefined);
  }
  return fields
    .filter((field) => capabilities.accepts(apiPath, field.name))
    .map((field) =>
      field.kind === 'choice' && field.choices === undefined
        ? { ...field, choices: capabilities.choices(apiPath, field.name) }
        : field,
    )
    .filter(
      (field) =>
        field.kind !== 'choice' ||
        (field.choices?.length ?? 0) > (field.anyLabel === undefined ? 1 : 0),
    );
}

function slider(params: URLSearchParams, apply: (next: URLSearchParams) => Promise<void>) {
  return asOfSlider({
    from: params.get('from') ?? undefined,
    value: params.get('validAt') ?? undefined,
    onChange: (validAt) => {
      const next = new URLSearchParams(params);
      if (validAt === undefined) next.delete('validAt');
      else next.set('validAt', validAt);
      void apply(next);
    },
  });
}

function downloadButtons<T>(spec: ViewPageSpec<T>, data: T): HTMLElement {
  return h(
    'div',
    { class: 'downloads' },
    ...spec.downloads(data).map((download) =>
      h(
        'button',
        {
          type: 'button',
          'data-download': download.filename,
          onclick: () => downloadCsv(download.filename, download.text),
        },
        `Download CSV: ${download.label}`,
      ),
    ),
  );
}
