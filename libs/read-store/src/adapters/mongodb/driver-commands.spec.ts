import type { Document } from 'mongodb';
import type { DocumentQuery } from '../../read-store.port';
import { InvalidDocumentError, MAX_DOCUMENT_BYTES } from '../../validate-writes';
import { MongoReadStore } from './mongo-read-store';
import { MongoWireStandIn } from './testing/wire-stand-in';

// What the adapter makes the real driver send, read off the wire by a stand-in node.
describe('MongoDB read store, as the driver sends it', () => {
  let node: MongoWireStandIn;
  let store: MongoReadStore;

  beforeEach(async () => {
    node = await MongoWireStandIn.start();
    store = await MongoReadStore.connect(node.url(), {
      serverSelectionTimeoutMS: 2_000,
      writeTimeoutMS: 1_500,
    });
  });

  afterEach(async () => {
    await store.close();
    await node.stop();
  });

  const inTransaction = (command: Document): boolean => command.txnNumber !== undefined;
  const firstBatch = (document: Record<string, unknown>) =>
    store.applyBatch({
      projection: 'funnel',
      writes: [
        { kind: 'put', collection: 'funnel.g1.contacts', document: { _id: 'c-1', ...document } },
      ],
      expectedCheckpoint: undefined,
      checkpoint: '10',
    });

  it('creates the checkpoints collection on connect, outside any transaction', () => {
    const [created] = node.named('create');
    expect(created).toMatchObject({ create: 'checkpoints' });
    expect(inTransaction(created!)).toBe(false);
  });

  it('creates a collection before the transaction that first writes to it, and only once', async () => {
    await firstBatch({ stage: 'lead' });
    await store.applyBatch({
      projection: 'funnel',
      writes: [{ kind: 'put', collection: 'funnel.g1.contacts', document: { _id: 'c-2' } }],
      expectedCheckpoint: '10',
      checkpoint: '11',
    });
    const names = node.commands.map((command) => command.name);
    const created = node
      .named('create')
      .filter((command) => command.create === 'funnel.g1.contacts');
    expect(created).toHaveLength(1);
    expect(inTransaction(created[0]!)).toBe(false);
    expect(names.lastIndexOf('create')).toBeLessThan(names.indexOf('insert'));
  });

  it('bounds the commit: a majority write concern with a timeout, and a time limit', async () => {
    await firstBatch({ stage: 'lead' });
    const [commit] = node.named('commitTransaction');
    expect(commit).toMatchObject({
      writeConcern: { w: 'majority', wtimeout: 1_500 },
      maxTimeMS: 1_500,
    });
  });

  it('bounds writes outside transactions too', async () => {
    await store.ensureIndexes([{ collection: 'funnel.g1.contacts', fields: ['stage'] }]);
    node.collections.add('funnel.g1.contacts');
    await store.dropByPrefix('funnel.g1.');
    for (const name of ['createIndexes', 'delete', 'drop', 'create']) {
      for (const command of node.named(name)) {
        expect(command.writeConcern).toEqual({ w: 'majority', wtimeout: 1_500 });
      }
    }
    for (const name of ['createIndexes', 'delete', 'drop'])
      expect(node.named(name)).toHaveLength(1);
  });

  it('leaves out fields set to undefined, and stores null for undefined in an array, as JSON does', async () => {
    await firstBatch({
      kept: 1,
      gone: undefined,
      nested: { gone: undefined },
      list: [1, undefined],
    });
    const [update] = node.named('update');
    const [replacement] = (update!.updates as { u: Document }[]).map((each) => each.u);
    expect(replacement).toEqual({ _id: 'c-1', kept: 1, nested: {}, list: [1, null] });
  });

  it.each([
    ['a top-level field named like an operator', { $set: 1 }],
    ['a document over the size limit', { text: 'x'.repeat(MAX_DOCUMENT_BYTES) }],
  ])('refuses %s before sending anything', async (_what, document) => {
    const sent = node.commands.length;
    await expect(firstBatch(document)).rejects.toBeInstanceOf(InvalidDocumentError);
    expect(
      node.commands.slice(sent).filter((command) => !/^(hello|ismaster)$/i.test(command.name)),
    ).toEqual([]);
  });

  it('refuses a query holding undefined before sending it', async () => {
    const undefinedField = { stage: undefined } as unknown as DocumentQuery;
    await expect(store.find('funnel.g1.contacts', undefinedField)).rejects.toBeInstanceOf(
      InvalidDocumentError,
    );
    expect(node.named('find')).toEqual([]);
  });
});
