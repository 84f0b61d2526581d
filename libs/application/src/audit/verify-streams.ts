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
 * A check of one stream that also knows what the log held before (the Merkle tree of
 * `@chronicle/integrity`): it sees a cut-off tail, which a chain recomputed from what is left
 * cannot.
 */
export interface RecordedStreamCheck {
  verifyStream(streamId: string): Promise<{
    ok: boolean;
    events: number;
    problems: ReadonlyArray<{ revision?: number }>;
  }>;
}

/**
 * Verifies each stream, one after another to keep memory to one stream at a time: against the
 * recorded tree when `recorded` is given, else by recomputing its chain with `findChainBreak`
 * through the port's `readStream` (either adapter).
 */
export async function verifyStreams(
  eventStore: EventStore,
  streamIds: readonly string[],
  recorded?: RecordedStreamCheck,
): Promise<VerificationReport> {
  const streams: StreamVerification[] = [];
  for (const streamId of streamIds) {
    streams.push(
      recorded ? await checkRecorded(recorded, streamId) : await checkChain(eventStore, streamId),
    );
  }
  return { ok: streams.every((stream) => stream.ok), streams };
}

async function checkChain(eventStore: EventStore, streamId: string): Promise<StreamVerification> {
  const events = await eventStore.readStream(streamId);
  const chainBreak = findChainBreak(events);
  return chainBreak
    ? { streamId, events: events.length, ok: false, firstBadRevision: chainBreak.revision }
    : { streamId, events: events.length, ok: true };
}

async function checkRecorded(
  recorded: RecordedStreamCheck,
  streamId: string,
): Promise<StreamVerification> {
  const { ok, events, problems } = await recorded.verifyStream(streamId);
  if (ok) return { streamId, events, ok };
  const revisions = problems.flatMap(({ revision }) => (revision === undefined ? [] : [revision]));
  return revisions.length > 0
    ? { streamId, events, ok, firstBadRevision: Math.min(...revisions) }
    : { streamId, events, ok };
}
