/** A stream folded up to `revision` (-1: no events yet). */
export interface FoldedStream {
  state: unknown;
  revision: number;
  /** Global position of the stream's last event; '0' when it has none. */
  lastPosition: string;
}

export const DEFAULT_FOLDED_STATE_CAPACITY = 10_000;

/**
 * The most recently used folded streams, so a hot stream is replayed from its last cached revision
 * instead of from its first event on every command. Bounded: the least recently used is dropped.
 */
export class FoldedStateCache {
  private readonly entries = new Map<string, FoldedStream>();

  constructor(private readonly capacity = DEFAULT_FOLDED_STATE_CAPACITY) {}

  get(streamId: string): FoldedStream | undefined {
    const folded = this.entries.get(streamId);
    if (folded) this.touch(streamId, folded);
    return folded;
  }

  set(streamId: string, folded: FoldedStream): void {
    const known = this.entries.get(streamId);
    // Never step back: a slower reader must not replace a newer fold with an older one.
    if (known && known.revision > folded.revision) return;
    this.touch(streamId, folded);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private touch(streamId: string, folded: FoldedStream): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
  }
}
