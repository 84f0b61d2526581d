import { CheckpointMovedError } from '../../read-store.port';
import type { ContractContext } from '../fixtures';

export function describeBatchContract({ store, names }: ContractContext): void {
  describe('batches and checkpoints', () => {
    it('has no checkpoint before the first batch', async () => {
      expect(await store().checkpoint(names.next('p'))).toBeUndefined();
    });

    it('moves the checkpoint with the writes, per projection', async () => {
      const [one, two, collection] = [names.next('p'), names.next('p'), names.next('docs')];
      await store().applyBatch({
        projection: one,
        writes: [{ kind: 'put', collection, document: { _id: 'a', n: 1 } }],
        expectedCheckpoint: undefined,
        checkpoint: '10',
      });
      await store().applyBatch({
        projection: one,
        writes: [],
        expectedCheckpoint: '10',
        checkpoint: '25',
      });
      expect(await store().checkpoint(one)).toBe('25');
      expect(await store().checkpoint(two)).toBeUndefined();
      expect(await store().get(collection, 'a')).toEqual({ _id: 'a', n: 1 });
    });

    it.each([
      ['a first batch when one was applied', '5', undefined],
      ['a stale checkpoint', '5', '3'],
      ['a checkpoint ahead of the stored one', '5', '7'],
      ['a checkpoint before any batch', undefined, '5'],
    ])('refuses %s and writes nothing', async (_what, stored, expected) => {
      const [projection, collection] = [names.next('p'), names.next('docs')];
      if (stored !== undefined) {
        await store().applyBatch({
          projection,
          writes: [{ kind: 'put', collection, document: { _id: 'kept', v: 1 } }],
          expectedCheckpoint: undefined,
          checkpoint: stored,
        });
      }
      const refused = store().applyBatch({
        projection,
        writes: [
          { kind: 'put', collection, document: { _id: 'new', v: 2 } },
          { kind: 'put', collection, document: { _id: 'kept', v: 2 } },
          { kind: 'delete', collection, id: 'kept' },
        ],
        expectedCheckpoint: expected,
        checkpoint: '99',
      });
      await expect(refused).rejects.toThrow(CheckpointMovedError);
      await expect(refused).rejects.toMatchObject({
        code: 'CHECKPOINT_MOVED',
        projection,
        expected,
        actual: stored,
      });
      expect(await store().checkpoint(projection)).toBe(stored);
      expect(await store().get(collection, 'new')).toBeUndefined();
      const kept = await store().get(collection, 'kept');
      expect(kept).toEqual(stored === undefined ? undefined : { _id: 'kept', v: 1 });
    });

    it('of batches racing from the same checkpoint, exactly one wins, whole', async () => {
      const [projection, collection] = [names.next('p'), names.next('docs')];
      const racers = Array.from({ length: 20 }, (_, racer) => racer);
      const outcomes = await Promise.allSettled(
        racers.map((racer) =>
          store().applyBatch({
            projection,
            writes: [
              { kind: 'put', collection, document: { _id: 'shared', racer } },
              { kind: 'put', collection, document: { _id: `own-${racer}`, racer } },
            ],
            expectedCheckpoint: undefined,
            checkpoint: String(100 + racer),
          }),
        ),
      );
      const winners = racers.filter((racer) => outcomes[racer]?.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected')
          expect(outcome.reason).toBeInstanceOf(CheckpointMovedError);
      }
      const winner = winners[0]!;
      expect(await store().checkpoint(projection)).toBe(String(100 + winner));
      expect(await store().get(collection, 'shared')).toEqual({ _id: 'shared', racer: winner });
      const own = await store().find(collection, { _id: { $lt: 'shared' } });
      expect(own).toEqual([{ _id: `own-${winner}`, racer: winner }]);
    });

    it('lets a chain of batches through when each expects the last', async () => {
      const [projection, collection] = [names.next('p'), names.next('docs')];
      let checkpoint: string | undefined;
      for (let position = 1; position <= 30; position += 1) {
        await store().applyBatch({
          projection,
          writes: [{ kind: 'put', collection, document: { _id: 'counter', position } }],
          expectedCheckpoint: checkpoint,
          checkpoint: String(position),
        });
        checkpoint = String(position);
      }
      expect(await store().checkpoint(projection)).toBe('30');
      expect(await store().get(collection, 'counter')).toEqual({ _id: 'counter', position: 30 });
    });
  });
}
