import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiProcess, TOKENS } from './support/api-process';
import { personalValuesServed, recordSubject, SUBJECT } from './support/erasure-subject';
import { remnantsFoundIn, remnantsOf, type SubjectRemnants } from './support/subject-remnants';

const ERASE = { contactId: SUBJECT, reason: 'art. 17' };

// Another connection (this test process) holds a file of the data folder locked while the API, in
// its own process, erases: the erase must still answer as the contract says, nothing may decrypt
// the subject meanwhile, and once the lock is gone a repeated erase leaves no remnant anywhere.
describe('an erasure while another connection holds a store file locked', () => {
  let dataDir: string;
  let api: ApiProcess;
  let position: string;
  let before: SubjectRemnants;
  let locker: Database.Database | undefined;

  const erase = (key?: string) =>
    api.request<{ code?: string; position: string; events: Array<{ type: string }> }>(
      'POST',
      '/commands/EraseContactPersonalData',
      TOKENS.admin,
      ERASE,
      key ? { 'Idempotency-Key': key } : {},
    );
  const lock = (file: string, statement: string) => {
    locker = new Database(join(dataDir, file));
    locker.exec(statement);
    if (statement === 'BEGIN') locker.prepare('SELECT count(*) FROM sqlite_master').get();
  };
  const unlock = () => {
    locker?.exec(locker.inTransaction ? 'ROLLBACK' : 'SELECT 1');
    locker?.close();
    locker = undefined;
  };
  const keyStillThere = () =>
    remnantsFoundIn(dataDir, before).some((found) => found.startsWith('the key'));

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-erasure-locked-'));
    api = await ApiProcess.start(dataDir);
    position = await recordSubject(api);
    before = remnantsOf(dataDir, SUBJECT);
  });

  afterEach(async () => {
    unlock();
    await api.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['held for writing', 'BEGIN IMMEDIATE'],
    ['held open by a reader, so its log cannot be wiped', 'BEGIN'],
  ])('answers 201 with the key file %s, and a repeat finishes it', async (_how, statement) => {
    lock('keys.sqlite', statement);

    const erased = await erase();
    expect(erased.status).toBe(201);
    expect(erased.body.events.map(({ type }) => type)).toEqual(['ContactPersonalDataErased']);
    expect(await personalValuesServed(api, erased.body.position)).toEqual([]);
    expect(keyStillThere()).toBe(true);

    unlock();
    const repeated = await erase();
    expect(repeated.status).toBe(201);
    expect(repeated.body.events).toEqual([]);
    expect(remnantsFoundIn(dataDir, before)).toEqual([]);
  });

  it('answers 201 with the command-side file locked, and a repeat removes the hashes', async () => {
    lock('command-side.sqlite', 'BEGIN IMMEDIATE');

    const erased = await erase();
    expect(erased.status).toBe(201);
    expect(await personalValuesServed(api, erased.body.position)).toEqual([]);
    expect(keyStillThere()).toBe(false);

    unlock();
    expect((await erase()).status).toBe(201);
    expect(remnantsFoundIn(dataDir, before)).toEqual([]);
  });

  it('answers 503 and appends nothing when its key cannot be recorded before the append', async () => {
    lock('command-side.sqlite', 'BEGIN IMMEDIATE');

    const refused = await erase('erase-E-1');
    const stream = await api.request<{ events: unknown[] }>(
      'GET',
      `/audit/streams/contact-${SUBJECT}`,
      TOKENS.auditor,
    );

    expect([refused.status, refused.body.code]).toEqual([503, 'UNAVAILABLE']);
    expect(stream.body.events).toHaveLength(1);
    const served = await personalValuesServed(api, position);
    expect(served.length).toBeGreaterThan(0);

    unlock();
    const retried = await erase('erase-E-1');
    expect(retried.status).toBe(201);
    expect(retried.body.events).toHaveLength(1);
    expect(remnantsFoundIn(dataDir, before)).toEqual([]);
  });
});
