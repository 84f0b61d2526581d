import type { Filter, Position } from '@eventstore/db-client';
import type { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import {
  accessDenied,
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
  grpcStream,
  serviceError,
  type GrpcStream,
  type LogRecord,
} from './grpc-responses';
import { goingLive, type ServerVersion } from './server-versions';

export interface FeedBehaviour {
  /** Events read between two checkpoints of a filtered subscription (the server's 32 × interval). */
  searchWindow: number;
  /** How catch-up ends: the checkpoint and caught-up message this version sends, bugs included. */
  serverVersion: ServerVersion;
}

/**
 * The server side of one $all subscription: sends what passes its filter from after `from`, a
 * checkpoint every search window, what its version sends on reaching the end of the log, then
 * follows appends. It writes only while the client reads (gRPC flow control), so it also shows
 * how far a paused client lets it run.
 */
export class ServerFeed {
  readonly stream: GrpcStream = grpcStream();
  /** Index of the next log record to send. */
  cursor: number;
  /** True while the client's flow control holds the server back. */
  stalled = false;
  private readonly stallWaiters: (() => void)[] = [];
  private readonly liveWaiters: (() => void)[] = [];
  private sinceCheckpoint = 0;
  private caughtUp = false;
  private live = false;
  private pumping = false;
  private lastPassed: Position | undefined;
  private lastSent: Position | undefined;

  constructor(
    private readonly log: readonly LogRecord[],
    from: Position | undefined,
    private readonly filter: Filter | undefined,
    private readonly behaviour: FeedBehaviour,
    /** Where the next record will be written. */
    private readonly endOfLog: () => bigint,
  ) {
    this.lastPassed = this.lastSent = from;
    const start = from ? log.findIndex((record) => isAfter(record, from)) : 0;
    this.cursor = start === -1 ? log.length : start;
    this.stream.write(confirmationResponse('fake-subscription'));
  }

  get open(): boolean {
    return !this.stream.destroyed;
  }

  /** Sends whatever the log holds beyond the cursor; safe to call on every append. */
  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      // Appends made while a send waits find the pump busy: loop until nothing is left.
      while (this.open && (this.cursor < this.log.length || !this.caughtUp)) {
        if (this.cursor < this.log.length) await this.sendNext();
        else await this.goLive();
      }
    } finally {
      this.pumping = false;
    }
  }

  private async sendNext(): Promise<void> {
    const record = this.log[this.cursor]!;
    const position = { commit: record.commit, prepare: record.prepare };
    this.cursor += 1;
    this.sinceCheckpoint += 1;
    this.lastPassed = position;
    if (this.passes(record)) {
      this.lastSent = position;
      await this.send(eventResponse(record, 'all'));
    } else if (this.filter && this.sinceCheckpoint >= this.behaviour.searchWindow) {
      this.sinceCheckpoint = 0;
      this.lastSent = position;
      await this.send(checkpointResponse(position));
    }
  }

  private async goLive(): Promise<void> {
    this.caughtUp = true;
    const { lastPassed, lastSent } = this;
    const live = goingLive(this.behaviour.serverVersion, {
      lastPassed,
      lastSent,
      endOfLog: this.endOfLog(),
    });
    // Only a filtered subscription reports checkpoints, and the adapter always filters.
    if (live.checkpoint && this.filter) await this.send(checkpointResponse(live.checkpoint));
    if (live.caughtUp) await this.send(caughtUpResponse());
    this.live = true;
    for (const resolve of this.liveWaiters.splice(0)) resolve();
  }

  /** Resolves once the server has sent what its version sends on reaching the end of the log. */
  wentLive(): Promise<void> {
    if (this.live) return Promise.resolve();
    return new Promise((resolve) => this.liveWaiters.push(resolve));
  }

  /** The server refuses the subscription: reading $all takes a user in $admins. */
  deny(): void {
    this.stream.destroy(accessDenied());
  }

  /** The server closes the call without an error, as on a graceful shutdown. */
  end(): void {
    this.stream.end();
  }

  /** The connection breaks as gRPC reports it: the client turns code 14 into UnavailableError. */
  drop(code = 14, details = 'Connection dropped'): void {
    this.stream.destroy(serviceError(code, details));
  }

  /** Resolves once the server waits for the client to read. */
  nextStall(): Promise<void> {
    if (this.stalled) return Promise.resolve();
    return new Promise((resolve) => this.stallWaiters.push(resolve));
  }

  private async send(response: ReadResp): Promise<void> {
    if (this.stream.write(response) || !this.open) return;
    this.stalled = true;
    for (const resolve of this.stallWaiters.splice(0)) resolve();
    await new Promise<void>((resolve) => {
      const go = (): void => {
        this.stream.off('drain', go).off('close', go);
        resolve();
      };
      this.stream.on('drain', go).on('close', go);
    });
    this.stalled = false;
  }

  private passes(record: LogRecord): boolean {
    const filter = this.filter;
    if (!filter) return true;
    const value = filter.filterOn === 'eventType' ? record.type : record.streamId;
    if ('regex' in filter) return new RegExp(filter.regex).test(value);
    return filter.prefixes.some((prefix) => value.startsWith(prefix));
  }
}

function isAfter(record: LogRecord, from: Position): boolean {
  return (
    record.commit > from.commit || (record.commit === from.commit && record.prepare > from.prepare)
  );
}
