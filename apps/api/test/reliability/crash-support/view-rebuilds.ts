import { projectionsReport, readCaughtUpView } from '../../support/admin-client';
import { withoutOpenStayLengths } from '../../support/open-stays';
import { TOKENS } from './chronicle-client';

/** The entities whose own views a soak compares, besides the five aggregate views. */
export interface ViewSample {
  contactIds: readonly string[];
  ticketIds: readonly string[];
  campaignIds: readonly string[];
}

/**
 * Every view, by path, read once its projections include `head`.
 * Judged against the current time: the SLA statuses of unfinished targets and the customer
 * segment's recency. The soak's tickets open at the time of the run with due times at least 4 h
 * later and its purchases are recent, so neither can flip between two reads of one run.
 */
export async function readViews(
  baseUrl: string,
  head: string,
  sample: ViewSample,
): Promise<Record<string, unknown>> {
  const paths = [
    '/views/lifecycle-funnel',
    '/views/campaigns',
    '/views/service-sla',
    '/views/pipeline',
    ...sample.campaignIds.map((id) => `/views/campaigns/${encodeURIComponent(id)}`),
    ...sample.contactIds.map((id) => `/views/customers/${encodeURIComponent(id)}`),
    ...sample.ticketIds.map((id) => `/views/tickets/${encodeURIComponent(id)}`),
  ];
  const views: Record<string, unknown> = {};
  for (const path of paths) {
    // A customer's open stay counts up to the time of the read, which differs between reads.
    views[path] = withoutOpenStayLengths(
      await readCaughtUpView(baseUrl, path, head, TOKENS.analyst),
    );
  }
  return views;
}

/**
 * Rebuilds every projection from position 0 (POST /admin/projections/{name}/rebuild) and returns
 * once each new generation serves. Each status request is itself the wait: no sleeping.
 */
export async function rebuildAll(baseUrl: string): Promise<void> {
  const { projections } = await projectionsReport(baseUrl, TOKENS.admin);
  const jobs = new Map<string, string>();
  for (const { name } of projections) {
    const response = await fetch(`${baseUrl}/admin/projections/${name}/rebuild`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKENS.admin}` },
    });
    if (response.status !== 202) throw new Error(`rebuild ${name} answered ${response.status}`);
    jobs.set(name, ((await response.json()) as { jobId: string }).jobId);
  }
  for (;;) {
    const report = await projectionsReport(baseUrl, TOKENS.admin);
    const failed = report.projections.find(({ error }) => error);
    if (failed) throw new Error(`${failed.name} failed: ${failed.error!.message}`);
    const finished = report.projections.filter(
      ({ name, rebuild }) => rebuild?.jobId === jobs.get(name) && rebuild?.finished,
    );
    if (finished.length === jobs.size) return;
  }
}
