import type { ProjectionsReport } from '@chronicle/projections';

/** A GET as a client would send it: the status and the parsed JSON body. */
export async function getJson<T>(
  baseUrl: string,
  path: string,
  token: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function projectionsReport(
  baseUrl: string,
  adminToken: string,
): Promise<ProjectionsReport> {
  const { status, body } = await getJson<ProjectionsReport>(
    baseUrl,
    '/admin/projections',
    adminToken,
  );
  if (status !== 200) throw new Error(`GET /admin/projections answered ${status}`);
  return body;
}

/**
 * Asks for a view with `minPosition` until it answers 200. The server waits up to 5 s per request
 * and then answers 503 NOT_CAUGHT_UP; a projector catching up on thousands of events may need a
 * few such rounds, so each retry is itself the wait (no sleeping).
 */
export async function readCaughtUpView(
  baseUrl: string,
  path: string,
  minPosition: string,
  token: string,
  attempts = 10,
): Promise<unknown> {
  const separator = path.includes('?') ? '&' : '?';
  for (let attempt = 1; ; attempt += 1) {
    const { status, body } = await getJson<unknown>(
      baseUrl,
      `${path}${separator}minPosition=${minPosition}`,
      token,
    );
    if (status === 200) return body;
    if (status !== 503 || attempt >= attempts) {
      throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
    }
  }
}
