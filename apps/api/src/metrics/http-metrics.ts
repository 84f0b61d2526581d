import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Counts answered HTTP requests by method, route template and status class, in this process.
 * Route templates (`/commands/:type`), not paths, so ids in URLs do not make a series each.
 */
export class HttpMetrics {
  private readonly counts = new Map<string, number>();

  /**
   * Fastify `onResponse` hook: it runs once an answer has been sent, whoever sent it (a refusal
   * before the body was read, a handler, a stream written to the socket).
   */
  readonly onResponse = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void => {
    // Requests no route matched share one series.
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const key = `${request.method} ${route} ${Math.floor(reply.statusCode / 100)}xx`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    done();
  };

  /** `[method, route, statusClass, count]` rows, stable order. */
  rows(): Array<[string, string, string, number]> {
    return [...this.counts.entries()].sort().map(([key, count]) => {
      const [method = '', route = '', status = ''] = key.split(' ');
      return [method, route, status, count];
    });
  }
}

/** One instance per process; the hook is added in app.factory.ts. */
export const httpMetrics = new HttpMetrics();
