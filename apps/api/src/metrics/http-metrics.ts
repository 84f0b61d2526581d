import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { routeTemplateOf } from '@chronicle/platform';
import { type ChronicleMetrics, chronicleMetrics } from './chronicle-metrics';

/**
 * Counts and times answered HTTP requests by method, route template and status class. Route
 * templates (`/commands/:type`), never paths, so ids in URLs do not make a series each; status
 * classes (`2xx`), so a histogram is a dozen series per route and not one per status code.
 */
export class HttpMetrics {
  constructor(private readonly metrics: ChronicleMetrics) {}

  /**
   * Fastify `onResponse` hook: it runs once an answer has been sent, whoever sent it (a refusal
   * before the body was read, a handler, a stream written to the socket).
   */
  readonly onResponse = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void => {
    const labels = {
      method: request.method,
      // Requests no route matched share one series (`unmatched`).
      route: routeTemplateOf(request),
      status: `${Math.floor(reply.statusCode / 100)}xx`,
    };
    this.metrics.httpRequests.inc(labels);
    // elapsedTime is in milliseconds, from Fastify's onRequest.
    this.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  };
}

/** One instance per process; the hook is added in app.factory.ts. */
export const httpMetrics = new HttpMetrics(chronicleMetrics);
