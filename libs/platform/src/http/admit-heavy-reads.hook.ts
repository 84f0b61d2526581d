import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ChronicleError } from '../errors/chronicle-error';
import type { RequestWithActor } from '../auth/actor';

/** Reads that can scan many documents or replay a history: every view and audit route. */
const HEAVY_READS = /^\/(views|audit)(\/|$)/;

/** How long a refused caller is told to wait before it tries again. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Fastify `onRequest` hook, added after authentication: at most `limit` heavy reads run at once
 * for each role, and a read beyond it is answered 429 `RATE_LIMITED` with `Retry-After` at once
 * instead of queueing without bound. One analyst key looping on the heaviest view then holds
 * `limit` slots at most, and commands, which never wait here, keep their turns on the loop.
 */
export function admitHeavyReads(limit: number) {
  const running = new Map<string, number>();
  return (
    request: FastifyRequest & RequestWithActor,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void => {
    const path = request.url.split('?', 1)[0]!;
    if (request.method !== 'GET' || !HEAVY_READS.test(path) || !request.actor) return done();
    const bucket = [...request.actor.roles].sort().join(',');
    const inFlight = running.get(bucket) ?? 0;
    if (inFlight >= limit) {
      reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return done(
        new ChronicleError(
          'RATE_LIMITED',
          `Too many heavy queries at once for ${bucket} (limit ${limit}); retry after ${RETRY_AFTER_SECONDS} s`,
        ),
      );
    }
    running.set(bucket, inFlight + 1);
    // 'close' follows both a finished answer and a client that went away.
    reply.raw.once('close', () => running.set(bucket, (running.get(bucket) ?? 1) - 1));
    done();
  };
}
