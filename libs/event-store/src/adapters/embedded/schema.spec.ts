import Database from 'better-sqlite3';
import { applySchema, READ_STREAMS_SQL } from './schema';

describe('the events schema', () => {
  it('reads several streams through the stream index, touching the table only for the page', () => {
    const db = new Database(':memory:');
    applySchema(db);

    const plan = db
      .prepare<[string, number, number, number], { detail: string }>(
        `EXPLAIN QUERY PLAN ${READ_STREAMS_SQL}`,
      )
      .all('["deal-1","ticket-2"]', 0, 1000, 100)
      .map(({ detail }) => detail);

    // A scan of the whole table by position would be correct too, and slow on a large store.
    expect(plan).toContainEqual(
      expect.stringMatching(/^SEARCH events USING COVERING INDEX .*\(stream_id=\?\)$/),
    );
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH events USING INTEGER PRIMARY KEY/));
    expect(plan.some((detail) => /^SCAN events/.test(detail))).toBe(false);
    db.close();
  });
});
