import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../../errors';
import { isTransient, redactUrl, toPortError } from './errors';
import { serviceError } from './testing/grpc-responses';

const url = 'esdb://admin:changeit@db.internal:2113?tls=false';

describe('error mapping', () => {
  it('turns a wrong expected version into ours, with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'contact-1',
      expected: 3n,
      current: 5n,
    });
    const mapped = toPortError(error, { url, streamId: 'contact-1', expected: 3 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'contact-1', expected: 3, actual: 5 });
  });

  it('reports a missing stream as no_stream, and the mode the server was sent when ours is unknown', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'contact-1',
      expected: 'stream_exists',
      current: NO_STREAM,
    });
    expect(toPortError(error, { url })).toMatchObject({
      streamId: 'contact-1',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('names the server, without its password, when it cannot be reached', () => {
    const raw = serviceError(14, 'No connection established. Last error: connect ECONNREFUSED');
    for (const error of [raw, new UnavailableError(raw)]) {
      const mapped = toPortError(error, { url });
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      const message = (mapped as Error).message;
      expect(message).toContain('esdb://admin:***@db.internal:2113?tls=false');
      expect(message).toContain('ECONNREFUSED');
      expect(message).not.toContain('changeit');
      expect((mapped as Error).cause).toBe(error);
    }
  });

  it('retries what a later call may not meet: outages, timeouts, restarts, failed discovery', () => {
    const transient = [
      serviceError(14, 'No connection established'),
      new UnavailableError(serviceError(14, 'No connection established')),
      new DeadlineExceededError(serviceError(4, 'Deadline exceeded')),
      new CancelledError(serviceError(1, 'Server shutting down')),
      new Error('Failed to discover after 10 attempts.'),
    ];
    for (const error of transient) {
      expect(isTransient(error)).toBe(true);
      expect(toPortError(error, { url })).toBeInstanceOf(EventStoreUnavailableError);
    }
  });

  it('reports refused credentials as unavailable but does not retry them', () => {
    const error = new AccessDeniedError(serviceError(16, 'Access denied'));
    expect(isTransient(error)).toBe(false);
    expect(toPortError(error, { url })).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('leaves other errors as they are', () => {
    const notFound = new StreamNotFoundError(undefined, 'contact-1');
    const ours = new InvalidAppendError('no events');
    expect(isTransient(notFound)).toBe(false);
    expect(toPortError(notFound, { url })).toBe(notFound);
    expect(toPortError(ours, { url })).toBe(ours);
  });

  it('masks the password in every connection string form', () => {
    expect(redactUrl(url)).toBe('esdb://admin:***@db.internal:2113?tls=false');
    expect(redactUrl('esdb+discover://ops:s3/cr:et@cluster.dns:2113')).toBe(
      'esdb+discover://ops:***@cluster.dns:2113',
    );
    expect(redactUrl('esdb://u:p@h1:2113,h2:2113,h3:2113')).toBe(
      'esdb://u:***@h1:2113,h2:2113,h3:2113',
    );
    expect(redactUrl('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
  });
});
