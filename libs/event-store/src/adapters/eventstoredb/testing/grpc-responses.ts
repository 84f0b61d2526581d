import { PassThrough } from 'node:stream';
import type { Position, UnavailableError } from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';

/** One record of the fake server's transaction log. */
export interface LogRecord {
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: 'application/json' | 'application/octet-stream';
  data: Uint8Array;
  metadata: Uint8Array;
  created: Date;
  commit: bigint;
  prepare: bigint;
  /** Written in an explicit transaction: stream reads cannot tell its $all position. */
  inTransaction: boolean;
}

/** What the client's ReadStream and Subscription pipe from: gRPC's readable call stream. */
export type GrpcStream = PassThrough & { cancel(): void };
type CreateGrpcStream = ConstructorParameters<typeof ReadStream>[0];
type ClientReadableStream = Awaited<ReturnType<CreateGrpcStream>>;
type ServiceError = NonNullable<ConstructorParameters<typeof UnavailableError>[0]>;

const UNKNOWN = (2n ** 64n - 1n).toString();

export function grpcStream(): GrpcStream {
  const stream = new PassThrough({ objectMode: true }) as GrpcStream;
  // What gRPC does on cancel; the client recognises this error as its own and swallows it.
  stream.cancel = () => stream.destroy(serviceError(1, 'Cancelled on client'));
  return stream;
}

export function asCallStream(stream: GrpcStream): () => Promise<ClientReadableStream> {
  return () => Promise.resolve(stream as unknown as ClientReadableStream);
}

/** A finite read (readStream, readAll) through the client's own ReadStream. */
export function readResponses(responses: ReadResp[]): ReadStream<unknown> {
  const stream = grpcStream();
  for (const response of responses) stream.write(response);
  stream.end();
  return new ReadStream(asCallStream(stream), convertGrpcEvent, {});
}

/** A finite read the server refuses or that breaks: the client's ReadStream fails with `error`. */
export function failedRead(error: ServiceError): ReadStream<unknown> {
  const stream = grpcStream();
  setImmediate(() => stream.destroy(error));
  return new ReadStream(asCallStream(stream), convertGrpcEvent, {});
}

/**
 * An error as @grpc/grpc-js raises it: code 14 is UNAVAILABLE, 1 CANCELLED, 4 DEADLINE_EXCEEDED,
 * 7 PERMISSION_DENIED, 16 UNAUTHENTICATED. The server names its own failures (`access-denied`,
 * `stream-deleted`…) in the `exception` trailer, which the client reads first.
 */
export function serviceError(
  code: number,
  details: string,
  trailers: Record<string, string> = {},
): ServiceError {
  const names: Record<number, string> = {
    1: 'CANCELLED',
    4: 'DEADLINE_EXCEEDED',
    7: 'PERMISSION_DENIED',
    9: 'FAILED_PRECONDITION',
    14: 'UNAVAILABLE',
  };
  const message = `${code} ${names[code] ?? 'ERROR'}: ${details}`;
  const metadata = { getMap: () => trailers };
  return Object.assign(new Error(message), { code, details, metadata }) as unknown as ServiceError;
}

/** What the server answers a user outside $admins who reads or subscribes to $all. */
export function accessDenied(): ServiceError {
  return serviceError(7, 'Access denied', { exception: 'access-denied' });
}

/** What the server answers a read of a stream deleted for good (tombstoned). */
export function streamDeleted(streamId: string): ServiceError {
  return serviceError(9, 'Stream deleted', {
    exception: 'stream-deleted',
    'stream-name': streamId,
  });
}

export function eventResponse(record: LogRecord, read: 'stream' | 'all'): ReadResp {
  const known = read === 'all' || !record.inTransaction;
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamId, 'utf8')))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(known ? record.commit.toString() : UNKNOWN)
    .setPreparePosition(known ? record.prepare.toString() : UNKNOWN)
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', (BigInt(record.created.getTime()) * 10_000n).toString());
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  if (known) event.setCommitPosition(record.commit.toString());
  else event.setNoPosition(new Empty());
  return new ReadResp().setEvent(event);
}

export function checkpointResponse(position: Position): ReadResp {
  const checkpoint = new ReadResp.Checkpoint()
    .setCommitPosition(position.commit.toString())
    .setPreparePosition(position.prepare.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

export function caughtUpResponse(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function confirmationResponse(id: string): ReadResp {
  return new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId(id),
  );
}

export function streamNotFoundResponse(streamId: string): ReadResp {
  const identifier = new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(identifier),
  );
}
