import { CheckpointMovedError } from '../../read-store.port';
import type { ContractContext } from '../fixtures';

export function describeMultiBatchContract({ store, names }: ContractContext): void {
  describe('several projections in one call (applyBatches)', () => {
    it('moves every checkpoint and writes every batch', async () => {
      const [one, two, collection] = [names.next('p'), names.next('p'), names.next('docs')];
      await store().applyBatch({
        projection: two,
        writes: [],
        expectedCheckpoint: undefined,
        checkpoint: '3',
      });
      await store().applyBatches([
        {
          projection: one,
          writes: [{ kind: 'put', collection, document: { _id: 'a', by: 'one' } }],
          expectedCheckpoint: undefined,
          checkpoint: '7',
        },
        {
          projection: two,
          writes: [{ kind: 'put', collection, document: { _id: 'b', by: 'two' } }],
          expectedCheckpoint: '3',
          checkpoint: '7',
        },
      ]);
      expect(await store().checkpoint(one)).toBe('7');
      expect(await store().checkpoint(two)).toBe('7');
      expect(await store().get(collection, 'a')).toEqual({ _id: 'a', by: 'one' });
      expect(await store().get(collection, 'b')).toEqual({ _id: 'b', by: 'two' });
      await store().applyBatches([]);
    });

    it('refuses them all, writing nothing, when one checkpoint has moved', async () => {
      const [fresh, stale, collection] = [names.next('p'), names.next('p'), names.next('docs')];
      await store().applyBatch({
        projection: stale,
        writes: [{ kind: 'put', collection, document: { _id: 'kept', v: 1 } }],
        expectedCheckpoint: undefined,
        checkpoint: '5',
      });
      const refused = store().applyBatches([
        {
          projection: fresh,
          writes: [{ kind: 'put', collection, document: { _id: 'new', v: 2 } }],
          expectedCheckpoint: undefined,
          checkpoint: '9',
        },
        {
          projection: stale,
          writes: [{ kind: 'delete', collection, id: 'kept' }],
          expectedCheckpoint: '4',
          checkpoint: '9',
        },
      ]);
      await expect(refused).rejects.toThrow(CheckpointMovedError);
      await expect(refused).rejects.toMatchObject({
        projection: stale,
        expected: '4',
        actual: '5',
      });
      expect(await store().checkpoint(fresh)).toBeUndefined();
      expect(await store().checkpoint(stale)).toBe('5');
      expect(await store().get(collection, 'new')).toBeUndefined();
      expect(await store().get(collection, 'kept')).toEqual({ _id: 'kept', v: 1 });
    });

    it('refuses a call that names one projection twice', async () => {
      const projection = names.next('p');
      const twice = { projection, writes: [], expectedCheckpoint: undefined, checkpoint: '1' };
      await expect(store().applyBatches([twice, twice])).rejects.toThrow(/named twice/);
      expect(await store().checkpoint(projection)).toBeUndefined();
    });
  });
}
