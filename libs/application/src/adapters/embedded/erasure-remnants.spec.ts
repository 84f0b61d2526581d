import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exampleCommandPayloads as examples } from '../../commands/command-examples';
import { ErasureReconciliation } from '../../erasure/erasure-reconciliation';
import { ERASED } from '../../privacy/personal-data-cipher';
import { ADMIN, PipelineFixture } from '../../pipeline/testing/pipeline-fixture';

const ERASE = { contactId: 'C-1', reason: 'art. 17' };
const asAdmin = { actor: ADMIN };

interface Remnants {
  key: Buffer;
  texts: string[];
}

/** What the data folder holds about a contact: its key, identity hashes and record fingerprints. */
function remnantsOf(dataDir: string, contactId: string): Remnants {
  const keys = new Database(join(dataDir, 'keys.sqlite'), { readonly: true });
  const side = new Database(join(dataDir, 'command-side.sqlite'), { readonly: true });
  try {
    const { key } = keys
      .prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject_id = ?')
      .get(contactId)!;
    const hashes = side
      .prepare<[string], { hash: string }>(
        'SELECT hash FROM contact_identities WHERE contact_id = ?',
      )
      .all(contactId)
      .map(({ hash }) => hash);
    const fingerprints = side
      .prepare<[string], { fingerprint: string; response: string }>(
        `SELECT fingerprint, response FROM scoped_idempotency_records JOIN idempotency_record_subjects
         USING (record_id) WHERE subject_id = ?`,
      )
      .all(contactId)
      .flatMap(({ fingerprint, response }) => [fingerprint, response]);
    return { key, texts: [...hashes, ...fingerprints] };
  } finally {
    keys.close();
    side.close();
  }
}

/** Which remnants some file of the data folder (databases, -wal, -shm) still holds. */
function foundIn(dataDir: string, { key, texts }: Remnants): string[] {
  return readdirSync(dataDir).flatMap((name) => {
    const bytes = readFileSync(join(dataDir, name));
    const found = texts.filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
    if (bytes.includes(key)) found.push('the key');
    return found.map((what) => `${what} in ${name}`);
  });
}

describe('Erasure in the embedded stores', () => {
  let fixture: PipelineFixture;
  let before: Remnants;

  beforeEach(async () => {
    fixture = PipelineFixture.open();
    const { customFields: _, ...contact } = examples.RegisterContact;
    await fixture.send('RegisterContact', contact, { idempotencyKey: 'register-C-1' });
    await fixture.send('OpenTicket', examples.OpenTicket, { idempotencyKey: 'ticket-T-1' });
    await fixture.send(
      'RegisterContact',
      { contactId: 'C-9', email: 'kept@example.org' },
      {
        idempotencyKey: 'register-C-9',
      },
    );
    before = remnantsOf(fixture.dataDir, 'C-1');
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('leaves neither the key, nor the keyed hashes, nor the records of the subject in any file', async () => {
    expect(before.texts.length).toBeGreaterThanOrEqual(6);
    expect(foundIn(fixture.dataDir, before)).toContain('the key in keys.sqlite-wal');

    await fixture.send('EraseContactPersonalData', ERASE, asAdmin);

    expect(foundIn(fixture.dataDir, before)).toEqual([]);
    expect(await fixture.keyStore.existingKey('C-1')).toBe('erased');
    expect(remnantsOf(fixture.dataDir, 'C-9').texts.length).toBeGreaterThan(0);
  });

  it('keeps the answer of the erasure itself, which carries no personal data', async () => {
    const options = { ...asAdmin, idempotencyKey: 'erase-C-1' };
    const first = await fixture.send('EraseContactPersonalData', ERASE, options);
    const checkpoints = [fixture.keyStore.erasureCheckpoint];
    await new ErasureReconciliation(fixture.eventStore, checkpoints, fixture.erasure).run();

    expect(await fixture.send('EraseContactPersonalData', ERASE, options)).toEqual(first);
    expect(first.events).toHaveLength(1);
  });

  it('answers a repeated erasure with no new event and finishes nothing twice', async () => {
    const first = await fixture.send('EraseContactPersonalData', ERASE, asAdmin);
    const again = await fixture.send('EraseContactPersonalData', ERASE, asAdmin);

    expect(again).toMatchObject({ streamId: 'contact-C-1', revision: first.revision, events: [] });
    expect(again.position).toBe(first.position);
  });

  it('succeeds while the key file is locked, reads the subject as erased, and a repeat finishes it', async () => {
    const locker = new Database(join(fixture.dataDir, 'keys.sqlite'));
    locker.exec('BEGIN IMMEDIATE');

    const erased = await fixture.send('EraseContactPersonalData', ERASE, asAdmin);
    const [registered] = await fixture.eventStore.readStream('contact-C-1');
    const opened = await fixture.pipelineCipher().open(registered!);

    expect(erased.events).toEqual([expect.objectContaining({ type: 'ContactPersonalDataErased' })]);
    expect(opened).toMatchObject({ firstName: ERASED, email: ERASED });
    await expect(fixture.keys.keyFor('C-1')).rejects.toMatchObject({ code: 'RULE_VIOLATED' });
    expect(foundIn(fixture.dataDir, before)).toContain('the key in keys.sqlite-wal');

    locker.exec('ROLLBACK');
    locker.close();
    await fixture.send('EraseContactPersonalData', ERASE, asAdmin);
    expect(foundIn(fixture.dataDir, before)).toEqual([]);
  });

  it('finishes wiping the log once a reader that held it open is gone', async () => {
    const reader = new Database(join(fixture.dataDir, 'keys.sqlite'), { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM subject_keys').get();

    await fixture.send('EraseContactPersonalData', ERASE, asAdmin);
    expect(await fixture.keys.existingKey('C-1')).toBe('erased');
    expect(foundIn(fixture.dataDir, before)).toEqual(['the key in keys.sqlite-wal']);

    reader.exec('COMMIT');
    reader.close();
    await fixture.send('EraseContactPersonalData', ERASE, asAdmin);
    expect(foundIn(fixture.dataDir, before)).toEqual([]);
  });

  it('answers UNAVAILABLE and appends nothing when the command side cannot be written first', async () => {
    const locker = new Database(join(fixture.dataDir, 'command-side.sqlite'));
    locker.exec('BEGIN IMMEDIATE');
    const head = await fixture.eventStore.headPosition();

    await expect(
      fixture.send('EraseContactPersonalData', ERASE, { ...asAdmin, idempotencyKey: 'erase-1' }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });

    expect(await fixture.eventStore.headPosition()).toBe(head);
    expect(fixture.erased.has('C-1')).toBe(false);
    locker.exec('ROLLBACK');
    locker.close();
  });

  it('is finished at the next start when the process stopped before destroying anything', async () => {
    const locker = new Database(join(fixture.dataDir, 'keys.sqlite'));
    locker.exec('BEGIN IMMEDIATE');
    await fixture.send('EraseContactPersonalData', ERASE, asAdmin);
    locker.exec('ROLLBACK');
    locker.close();
    await fixture.close({ keepData: true });

    fixture = PipelineFixture.open({}, fixture.dataDir);
    expect(foundIn(fixture.dataDir, before)).not.toEqual([]);
    const checkpoints = [fixture.keyStore.erasureCheckpoint, fixture.commandSide.erasureCheckpoint];
    const reconcile = () =>
      new ErasureReconciliation(fixture.eventStore, checkpoints, fixture.erasure).run();

    expect(await reconcile()).toEqual(['C-1']);
    expect(foundIn(fixture.dataDir, before)).toEqual([]);
    expect(await reconcile()).toEqual([]);
    // A checkpoint that names another event than the log holds there: everything is read again.
    const head = await fixture.eventStore.headPosition();
    await fixture.keyStore.erasureCheckpoint.write({ position: head, eventId: 'from-another-log' });
    expect(await reconcile()).toEqual(['C-1']);
  });
});
