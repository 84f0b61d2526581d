import { SqliteKeyStore } from '../adapters/embedded/key-store.sqlite';
import { sealValue } from '../privacy/field-sealing';
import { ERASED, PersonalDataCipher } from '../privacy/personal-data-cipher';
import { UpcasterRegistry } from './upcaster-registry';
import { UpcastingReader } from './upcasting-reader';

describe('upcasting on read', () => {
  let keys: SqliteKeyStore;
  let reader: UpcastingReader;
  beforeEach(() => {
    keys = SqliteKeyStore.open(':memory:');
    reader = new UpcastingReader(new PersonalDataCipher(keys), keys);
  });
  afterEach(async () => {
    await keys.close();
  });

  // A ContactRegistered as the first imports wrote it: one sealed `name`, no schemaVersion.
  async function legacyRegistration(name: string) {
    const key = await keys.keyFor('C-1');
    return {
      type: 'ContactRegistered',
      data: {
        contactId: 'C-1',
        name: sealValue(key, { subjectId: 'C-1', field: 'name' }, name),
        email: sealValue(key, { subjectId: 'C-1', field: 'email' }, 'ada@example.com'),
        source: 'import',
      },
      metadata: {},
    };
  }

  it('splits a v0 name into firstName and lastName, after decrypting it', async () => {
    const read = await reader.read(await legacyRegistration('Ada King Lovelace'));

    expect(read).toEqual({
      data: {
        contactId: 'C-1',
        firstName: 'Ada',
        lastName: 'King Lovelace',
        email: 'ada@example.com',
        source: 'import',
      },
      upcastFrom: 0,
    });
  });

  it('reads an erased v0 name as erased in both halves', async () => {
    const event = await legacyRegistration('Ada Lovelace');
    await keys.destroy('C-1');

    const { data } = await reader.read(event);

    expect(data).toMatchObject({ firstName: ERASED, lastName: ERASED, email: ERASED });
    expect(data).not.toHaveProperty('name');
  });

  it('leaves current events as they are', async () => {
    const cipher = new PersonalDataCipher(keys);
    const data = await cipher.seal({
      type: 'ContactRegistered',
      data: { contactId: 'C-1', firstName: 'Ada' },
    });

    const read = await reader.read({
      type: 'ContactRegistered',
      data,
      metadata: { schemaVersion: 1 },
    });

    expect(read).toEqual({ data: { contactId: 'C-1', firstName: 'Ada' } });
  });

  it('chains the steps of a type from the stored version, and refuses two steps for one version', () => {
    const step = (fromVersion: number) => ({
      type: 'T',
      fromVersion,
      upcast: (data: Record<string, unknown>) => data,
    });
    const registry = new UpcasterRegistry([step(1), step(0), step(3)]);

    expect(registry.chain('T', 0).map(({ fromVersion }) => fromVersion)).toEqual([0, 1]);
    expect(registry.chain('T', 2)).toEqual([]);
    expect(() => new UpcasterRegistry([step(0), step(0)])).toThrow('Two upcasters for T@0');
  });
});
