import type { RecordedEvent } from '../../event-store.port';
import { takeBatch, type FeedItem } from './feed-items';

function recorded(commit: bigint): RecordedEvent {
  return {
    eventId: `event-${commit}`,
    type: 'TestHappened',
    streamId: 'test-1',
    revision: 0,
    position: String(commit),
    data: {},
    metadata: {},
    storedAt: '2025-01-01T00:00:00.000Z',
    hash: '',
  };
}

/** An event of a normal append: its own commit position. */
const event = (commit: bigint): FeedItem => ({
  position: { commit, prepare: commit },
  event: recorded(commit),
  closed: true,
});
/** A position passed without an event: filtered out, or a server checkpoint. */
const passed = (commit: bigint): FeedItem => ({
  position: { commit, prepare: commit },
  closed: true,
});
/** An event of an explicit transaction committed at `commit`. */
const inTransaction = (commit: bigint, prepare: bigint): FeedItem => ({
  position: { commit, prepare },
  event: recorded(prepare),
  closed: false,
});

describe('taking a batch', () => {
  it('takes at most batchSize events with the positions between them', () => {
    const items = [event(10n), passed(20n), event(30n), event(40n)];
    const batch = takeBatch(items, 2);
    expect(batch.events.map((taken) => taken.position)).toEqual(['10', '30']);
    expect(batch.taken).toBe(3);
    expect(batch.checkpoint).toEqual({ commit: 30n, prepare: 30n });
  });

  it('takes passed positions after its last event, so the checkpoint moves past them', () => {
    const batch = takeBatch([event(10n), passed(20n), passed(30n), event(40n)], 1);
    expect(batch.taken).toBe(3);
    expect(batch.checkpoint?.commit).toBe(30n);
  });

  it('moves the checkpoint with positions alone when no event is there', () => {
    expect(takeBatch([passed(20n), passed(30n)], 5)).toMatchObject({
      events: [],
      taken: 2,
      checkpoint: { commit: 30n },
    });
  });

  it('keeps the checkpoint before a transaction whose rest has not arrived, and resumes exactly', () => {
    const batch = takeBatch([event(10n), inTransaction(50n, 20n), inTransaction(50n, 30n)], 10);
    expect(batch.events).toHaveLength(3);
    expect(batch.checkpoint).toEqual({ commit: 10n, prepare: 10n });
    expect(batch.resumeAt).toEqual({ commit: 50n, prepare: 30n });
  });

  it('gives out the transaction commit once a later position shows the transaction is whole', () => {
    const batch = takeBatch([inTransaction(50n, 20n), inTransaction(50n, 30n), passed(60n)], 10);
    expect(batch.checkpoint).toEqual({ commit: 60n, prepare: 60n });
    const cut = takeBatch([inTransaction(50n, 20n), inTransaction(50n, 30n), event(60n)], 2);
    expect(cut.checkpoint).toEqual({ commit: 50n, prepare: 30n });
  });

  it('keeps batchSize inside a transaction, holding the checkpoint back instead', () => {
    const batch = takeBatch([event(10n), inTransaction(50n, 20n), inTransaction(50n, 30n)], 2);
    expect(batch.events).toHaveLength(2);
    expect(batch.checkpoint?.commit).toBe(10n);
    expect(batch.resumeAt).toEqual({ commit: 50n, prepare: 20n });
  });

  it('takes nothing from nothing', () => {
    expect(takeBatch([], 3)).toEqual({
      events: [],
      taken: 0,
      resumeAt: undefined,
      checkpoint: undefined,
    });
  });
});
