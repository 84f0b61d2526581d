import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorAnswer } from './error-answer';
import { toErrorResponse } from './error-response';

/** The one global exception filter: every error answer of the API is made here. */
@Catch()
export class ChronicleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { body, log } = toErrorResponse(exception);

    // Never the body or the query string: either may hold personal data.
    const route = `${request.method} ${request.url.split('?', 1)[0]}`;
    if (log?.level === 'error') this.logger.error(`${route} failed: ${log.message}`, log.stack);
    if (log?.level === 'warn') this.logger.warn(`${route} failed: ${log.message}`);

    sendErrorAnswer(host.switchToHttp().getResponse<FastifyReply>(), body);
  }
}
