import type { Filter, Position } from '@eventstore/db-client';
import type { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import {
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
  grpcStream,
  serviceError,
  type GrpcStream,
  type LogRecord,
} from './grpc-responses';

export interface FeedBehaviour {
  /** Events read between two checkpoints of a filtered subscription (the server's 32 × interval). */
  searchWindow: number;
  /** Newer servers (23.10+) report when a subscription reaches the end of $all. */
  reportsCaughtUp: boolean;
}

/**
 * The server side of one $all subscription: sends what passes its filter from after `from`, a
 * checkpoint every search window, caught-up at the end, then follows appends. It writes only while
 * the client reads (gRPC flow control), so it also shows how far a paused client lets it run.
 */
export class ServerFeed {
  readonly stream: GrpcStream = grpcStream();
  /** Index of the next log record to send. */
  cursor: number;
  /** True while the client's flow control holds the server back. */
  stalled = false;
  private readonly stallWaiters: (() => void)[] = [];
  private sinceCheckpoint = 0;
  private caughtUp = false;
  private pumping = false;

  constructor(
    private readonly log: readonly LogRecord[],
    from: Position | undefined,
    private readonly filter: Filter | undefined,
    private readonly behaviour: FeedBehaviour,
  ) {
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
      while (this.open && this.cursor < this.log.length) {
        const record = this.log[this.cursor]!;
        this.cursor += 1;
        this.sinceCheckpoint += 1;
        if (this.passes(record)) {
          await this.send(eventResponse(record, 'all'));
        } else if (this.filter && this.sinceCheckpoint >= this.behaviour.searchWindow) {
          this.sinceCheckpoint = 0;
          await this.send(checkpointResponse({ commit: record.commit, prepare: record.prepare }));
        }
      }
      if (this.open && !this.caughtUp && this.behaviour.reportsCaughtUp) {
        this.caughtUp = true;
        await this.send(caughtUpResponse());
      }
    } finally {
      this.pumping = false;
    }
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
