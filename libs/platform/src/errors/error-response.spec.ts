import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@chronicle/event-store';
import { ChronicleError, type ChronicleErrorCode } from './chronicle-error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it.each<[ChronicleErrorCode, number]>([
    ['VALIDATION_FAILED', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['UNKNOWN_COMMAND', 404],
    ['NOT_FOUND', 404],
    ['CONCURRENCY_CONFLICT', 409],
    ['ALREADY_EXISTS', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['RULE_VIOLATED', 422],
    ['IDEMPOTENCY_KEY_REUSED', 422],
    ['NOT_CAUGHT_UP', 503],
    ['UNAVAILABLE', 503],
  ])('answers %s with %i and the error message', (code, statusCode) => {
    const { body, log } = toErrorResponse(new ChronicleError(code, 'what happened'));

    expect(body).toEqual({ statusCode, code, message: 'what happened' });
    expect(log).toBeUndefined();
  });

  it('passes details through', () => {
    const details = [{ field: 'email', problems: ['must be an email'] }];

    expect(toErrorResponse(new ChronicleError('VALIDATION_FAILED', 'bad', details)).body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'bad',
      details,
    });
  });

  it('maps any error by its string code, without knowing its class', () => {
    class TicketClosed extends Error {
      readonly code = 'RULE_VIOLATED';
    }

    expect(toErrorResponse(new TicketClosed('Ticket T-1 is closed')).body).toEqual({
      statusCode: 422,
      code: 'RULE_VIOLATED',
      message: 'Ticket T-1 is closed',
    });
  });

  it("answers the event store's wrong expected revision as 409 CONCURRENCY_CONFLICT", () => {
    const { body } = toErrorResponse(new WrongExpectedRevisionError('ticket-T-1', 2, 3));

    expect(body).toMatchObject({ statusCode: 409, code: 'CONCURRENCY_CONFLICT' });
    expect(body.message).toContain('ticket-T-1');
  });

  it("answers the event store's unavailability as 503 UNAVAILABLE without its internals", () => {
    const error = new EventStoreUnavailableError('cannot open /srv/secret/events.sqlite');
    const { body, log } = toErrorResponse(error);

    expect(body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(body.message).not.toContain('/srv/secret');
    expect(log).toEqual({ level: 'warn', message: 'cannot open /srv/secret/events.sqlite' });
  });

  it.each([
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])("answers an HTTP framework's %i by the CONTRACT code of that status", (status, code) => {
    expect(toErrorResponse(new HttpException('Refused by the framework', status)).body).toEqual({
      statusCode: status,
      code,
      message: 'Refused by the framework',
    });
  });

  it("answers Nest's NotFoundException for an unknown route as 404 NOT_FOUND", () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope')).body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /nope',
    });
  });

  it("lists a pipe's BadRequestException messages as problems", () => {
    const error = new BadRequestException(['limit must be an integer']);

    expect(toErrorResponse(error).body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'request', problems: ['limit must be an integer'] }],
    });
  });

  it.each([
    ['an unexpected Error', new TypeError('x is undefined at /app/secret.ts')],
    ['a code no one maps', Object.assign(new Error('ENOENT: /etc/secret'), { code: 'ENOENT' })],
    ['an INTERNAL ChronicleError', new ChronicleError('INTERNAL', 'db password wrong')],
    ['a 500 HttpException', new HttpException('stack trace here', 500)],
    ['a thrown string', 'boom'],
  ])('answers %s as a generic 500 INTERNAL and logs it with its stack', (_name, error) => {
    const { body, log } = toErrorResponse(error);

    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'Internal server error' });
    expect(log?.level).toBe('error');
    expect(log?.stack).toMatch(/\n\s+at /);
  });
});
