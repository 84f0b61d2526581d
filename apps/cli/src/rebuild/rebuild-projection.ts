import { setTimeout as delay } from 'node:timers/promises';
import { ProgressBar, type ProgressStream } from '../import/progress-bar';

export interface RebuildOptions {
  /** Base URL of a running API, e.g. http://localhost:3000. */
  url: string;
  /** An API key with the admin role. */
  token: string;
  projection: string;
  progress?: ProgressStream;
  /** How often the CLI asks the API for progress; a display refresh, not a wait for state. */
  pollMs?: number;
  signal?: AbortSignal;
}

interface ProjectionStatus {
  name: string;
  state: string;
  error?: { message: string };
  rebuild?: { jobId: string; done: string; total: string; finished: boolean };
}

/**
 * Asks a running API to rebuild a projection (the data folder belongs to the API process, so the
 * CLI cannot open the stores itself) and follows `GET /admin/projections` until the new
 * generation has taken over, drawing its progress.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<{ jobId: string }> {
  const started = await call<{ jobId: string }>(
    options,
    'POST',
    `/admin/projections/${encodeURIComponent(options.projection)}/rebuild`,
  );
  let bar: ProgressBar | undefined;
  for (;;) {
    const { projections } = await call<{ projections: ProjectionStatus[] }>(
      options,
      'GET',
      '/admin/projections',
    );
    const status = projections.find((projection) => projection.name === options.projection);
    if (!status) throw new Error(`The API no longer lists projection ${options.projection}`);
    if (status.state === 'failed') {
      throw new Error(
        `Projection ${options.projection} failed: ${status.error?.message ?? 'no reason given'}`,
      );
    }
    const rebuild = status.rebuild?.jobId === started.jobId ? status.rebuild : undefined;
    // The runtime forgets a finished rebuild once its generation serves.
    const finished = rebuild ? rebuild.finished : status.state !== 'rebuilding';
    if (rebuild && options.progress) {
      bar ??= new ProgressBar(Number(rebuild.total), options.progress);
      bar.update(Number(rebuild.done), 0);
    }
    if (finished) {
      bar?.finish(Number(rebuild?.total ?? 0), 0);
      return started;
    }
    await delay(options.pollMs ?? 500, undefined, { signal: options.signal });
  }
}

async function call<T>(options: RebuildOptions, method: string, path: string): Promise<T> {
  const response = await fetch(`${options.url.replace(/\/$/, '')}${path}`, {
    method,
    headers: { Authorization: `Bearer ${options.token}` },
    signal: options.signal,
  });
  const body = (await response.json()) as T & { message?: string };
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${body.message ?? ''}`);
  return body;
}
