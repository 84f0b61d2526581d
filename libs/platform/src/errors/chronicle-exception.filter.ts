import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toErrorResponse } from './error-response';

/** The one global exception filter: every error answer of the API is made here. */
@Catch()
export class ChronicleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<IncomingMessage>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const { body, log } = toErrorResponse(exception);

    // Never the body or the query string: either may hold personal data.
    const route = `${request.method ?? '?'} ${(request.url ?? '').split('?')[0]}`;
    if (log?.level === 'error') this.logger.error(`${route} failed: ${log.message}`, log.stack);
    if (log?.level === 'warn') this.logger.warn(`${route} failed: ${log.message}`);

    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    const json = JSON.stringify(body);
    response.statusCode = body.statusCode;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(json));
    response.end(json);
  }
}
