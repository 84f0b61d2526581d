import { errorNotice } from '../shell/errors';
import { markState, type PageContext } from '../shell/page-context';
import type { HealthReport, ProjectionsReport } from '../session/api-shapes';
import { h, notice, replaceChildren } from '../ui/dom';
import { formatTime } from '../ui/format';
import { healthPanel } from './operations/health-panel';
import { projectionsTable } from './operations/projections-table';
import { loadWebhooks, webhooksTable } from './operations/webhooks-table';

const AUTO_REFRESH_MS = 5000;
const WEBHOOKS_PATH = '/admin/webhooks';

/** `/console/operations`: health, projections (with rebuilds for admins) and webhooks. */
export async function operationsPage(context: PageContext): Promise<void> {
  const { api, main, identity, capabilities } = context;
  const admin = identity.roles.includes('admin');
  const health = h('div', {});
  const projections = h('div', {});
  const webhooks = h('div', {});
  const messages = h('div', { class: 'messages' });
  const status = h('p', { class: 'status', role: 'status' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  context.onLeave(() => clearTimeout(timer));

  const rebuild = async (name: string): Promise<void> => {
    if (!confirm(`Rebuild ${name} from the start? The current read model serves until it is done.`))
      return;
    try {
      const { jobId } = await api.post<{ jobId: string }>(
        `/admin/projections/${encodeURIComponent(name)}/rebuild`,
      );
      replaceChildren(messages, notice('info', `Rebuild of ${name} requested: job ${jobId}.`));
    } catch (error) {
      replaceChildren(messages, errorNotice(error, identity, 'admin'));
    }
    await refresh();
  };

  const refresh = async (): Promise<void> => {
    clearTimeout(timer);
    markState(main, 'loading');
    const [healthAnswer, report, hooks] = await Promise.allSettled([
      api.get<HealthReport>('/health', {}, [503]),
      admin
        ? api.get<ProjectionsReport>('/admin/projections')
        : Promise.reject(new Error('not admin')),
      admin && capabilities.has(WEBHOOKS_PATH) ? loadWebhooks(api) : Promise.resolve(undefined),
    ]);
    // Redrawing must not take the keyboard focus away from the button the user is on.
    const focused = document.activeElement?.id;
    replaceChildren(
      health,
      healthAnswer.status === 'fulfilled'
        ? healthPanel(healthAnswer.value)
        : errorNotice(healthAnswer.reason, identity),
    );
    replaceChildren(
      projections,
      !admin
        ? notice('info', 'Projections and webhooks need a key with the admin role.')
        : report.status === 'fulfilled'
          ? projectionsTable(report.value.projections, (name) => void rebuild(name))
          : errorNotice(report.reason, identity, 'admin'),
    );
    replaceChildren(
      webhooks,
      hooks.status === 'rejected'
        ? errorNotice(hooks.reason, identity, 'admin')
        : hooks.value === undefined
          ? undefined
          : webhooksTable(hooks.value),
    );
    if (focused) document.getElementById(focused)?.focus();
    status.textContent = `Read ${formatTime(new Date().toISOString())}.`;
    markState(main, 'ready');
    const rebuilding =
      report.status === 'fulfilled' &&
      report.value.projections.some(
        (projection) => projection.rebuild && !projection.rebuild.finished,
      );
    if (rebuilding || autoRefresh.checked)
      timer = setTimeout(() => void refresh(), rebuilding ? 1000 : AUTO_REFRESH_MS);
  };

  const autoRefresh = h('input', { type: 'checkbox', id: 'auto-refresh' });
  autoRefresh.addEventListener('change', () => void refresh());
  replaceChildren(
    main,
    h('h1', {}, 'Operations'),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', onclick: () => void refresh() }, 'Refresh'),
      h(
        'span',
        { class: 'check' },
        autoRefresh,
        h('label', { for: 'auto-refresh' }, 'Refresh every 5 s'),
      ),
    ),
    status,
    messages,
    h(
      'section',
      { 'aria-labelledby': 'health-title' },
      h('h2', { id: 'health-title' }, 'Health'),
      health,
    ),
    h(
      'section',
      { 'aria-labelledby': 'projections-title' },
      h('h2', { id: 'projections-title' }, 'Projections'),
      projections,
    ),
    capabilities.has(WEBHOOKS_PATH)
      ? h(
          'section',
          { 'aria-labelledby': 'webhooks-title' },
          h('h2', { id: 'webhooks-title' }, 'Webhooks'),
          webhooks,
        )
      : undefined,
  );
  await refresh();
}
