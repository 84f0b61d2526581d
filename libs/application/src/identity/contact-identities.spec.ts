import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CommandSideStores,
  openCommandSideStores,
} from '../adapters/embedded/command-side-database';
import { ContactIdentities } from './contact-identities';

const registered = (contactId: string, data: Record<string, unknown>) => ({
  type: 'ContactRegistered',
  data: { contactId, ...data },
});

describe('ContactIdentities over the embedded index', () => {
  let dataDir: string;
  let stores: CommandSideStores;
  let identities: ContactIdentities;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-identity-'));
    stores = openCommandSideStores(join(dataDir, 'command-side.sqlite'));
    identities = new ContactIdentities(stores.identity, randomBytes(32));
    await identities.indexEvents([
      registered('C-1', { email: 'ada@example.com', phone: '+44 20 7946 0958' }),
    ]);
  });

  afterEach(async () => {
    await stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const candidatesFor = (payload: Record<string, unknown>) =>
    identities.duplicateCandidates('RegisterContact', payload, {});

  it('matches the normalised e-mail and phone of another contact', async () => {
    const candidates = await candidatesFor({
      contactId: 'C-2',
      email: ' ADA@Example.COM',
      phone: '0044 20 7946 0958',
    });

    expect(candidates).toEqual([
      { contactId: 'C-1', matchedOn: 'email' },
      { contactId: 'C-1', matchedOn: 'phone' },
    ]);
  });

  it('looks contacts up by e-mail or phone, normalised as duplicates are', async () => {
    expect(await identities.contactsWith('email', '  ADA@example.com ')).toEqual(['C-1']);
    expect(await identities.contactsWith('phone', '0044 (20) 7946-0958')).toEqual(['C-1']);
    expect(await identities.contactsWith('phone', '+44 20 7946 0959')).toEqual([]);
  });

  it('never offers the contact itself, nor an update what it does not change', async () => {
    const self = await candidatesFor({ contactId: 'C-1', email: 'ada@example.com' });
    const unchanged = await identities.duplicateCandidates(
      'UpdateContactDetails',
      { contactId: 'C-2', email: 'ada@example.com' },
      { email: 'ADA@example.com' },
    );

    expect([self, unchanged]).toEqual([[], []]);
  });

  it('follows changed and cleared details and merges, and forgets erased contacts', async () => {
    await identities.indexEvents([
      registered('C-3', { phone: '+44 20 7946 0958' }),
      {
        type: 'ContactDetailsUpdated',
        data: { contactId: 'C-1', email: 'ada@new.example', phone: null },
      },
      {
        type: 'ContactsMerged',
        data: { contactId: 'C-3', survivorContactId: 'C-1', duplicateContactId: 'C-3' },
      },
    ]);
    expect(
      await candidatesFor({ contactId: 'C-9', email: 'ada@example.com', phone: '+442079460958' }),
    ).toEqual([]);
    expect(await candidatesFor({ contactId: 'C-9', email: 'ada@new.example' })).toEqual([
      { contactId: 'C-1', matchedOn: 'email' },
    ]);

    await stores.remnants.forget(['C-1']);
    expect(await candidatesFor({ contactId: 'C-9', email: 'ada@new.example' })).toEqual([]);
  });
});
