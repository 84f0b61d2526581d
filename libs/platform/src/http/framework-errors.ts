import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isPublicRead, unauthenticated } from '../auth/authenticate-first.hook';
import { actorOfToken, bearerToken } from '../auth/bearer-token';
import type { ApiKey } from '../config/api-keys';
import { validationFailed } from '../errors/chronicle-error';
import { sendErrorAnswer } from '../errors/error-answer';
import { toErrorResponse } from '../errors/error-response';
import { correlationIdOf } from '../logging/correlation-id.hook';

/**
 * Fastify's `frameworkErrors` option: what the router refuses before any hook runs, such as a
 * path whose percent-encoding does not decode. The answer keeps the API's rules all the same:
 * the correlation id, 401 without a known key, else 400 VALIDATION_FAILED naming the path.
 */
export function answerFrameworkErrors(keys: readonly ApiKey[]) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.raw.setHeader('X-Correlation-Id', correlationIdOf(request));
    const token = bearerToken(request.headers.authorization);
    const path = request.url.split('?', 1)[0]!;
    const known = token !== undefined && actorOfToken(token, keys) !== undefined;
    const refusal =
      known || isPublicRead(request.method, path)
        ? validationFailed([{ field: 'path', problems: [error.message] }], 'The path is malformed')
        : unauthenticated(token);
    sendErrorAnswer(reply, toErrorResponse(refusal).body);
  };
}
