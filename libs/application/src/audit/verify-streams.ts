import { type EventStore, findChainBreak } from '@chronicle/event-store';

/** The integrity of one stream's hash chain. */
export interface StreamVerification {
  streamId: string;
  /** Events read from the stream. */
  events: number;
  ok: boolean;
  /** The first revision whose hash does not follow (a changed event or a gap). */
  firstBadRevision?: number;
}

export interface VerificationReport {
  ok: boolean;
  streams: StreamVerification[];
}

/**
 * Recomputes every stream's chain from its first event with `findChainBreak`. Only the port's
 * `readStream` is used, so it checks either adapter; streams are read one after another to keep
 * memory to one stream at a time.
 */
export async function verifyStreams(
  eventStore: EventStore,
  streamIds: readonly string[],
): Promise<VerificationReport> {
  const streams: StreamVerification[] = [];
  for (const streamId of streamIds) {
    const events = await eventStore.readStream(streamId);
    const chainBreak = findChainBreak(events);
    streams.push(
      chainBreak
        ? { streamId, events: events.length, ok: false, firstBadRevision: chainBreak.revision }
        : { streamId, events: events.length, ok: true },
    );
  }
  return { ok: streams.every((stream) => stream.ok), streams };
}
