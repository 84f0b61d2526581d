import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Counts answered HTTP requests by method, route template and status class, in this process.
 * Route templates (`/commands/:type`), not paths, so ids in URLs do not make a series each.
 */
export class HttpMetrics {
  private readonly counts = new Map<string, number>();

  readonly middleware = (
    request: IncomingMessage & { route?: { path?: string } },
    response: ServerResponse,
    next: () => void,
  ): void => {
    response.on('finish', () => {
      // Express sets `route` once a handler matched; unmatched requests share one series.
      const route = request.route?.path ?? 'unmatched';
      const key = `${request.method} ${route} ${Math.floor(response.statusCode / 100)}xx`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    });
    next();
  };

  /** `[method, route, statusClass, count]` rows, stable order. */
  rows(): Array<[string, string, string, number]> {
    return [...this.counts.entries()].sort().map(([key, count]) => {
      const [method = '', route = '', status = ''] = key.split(' ');
      return [method, route, status, count];
    });
  }
}

/** One instance per process; the middleware is mounted in app.factory.ts. */
export const httpMetrics = new HttpMetrics();
