import { seed, type ContractContext } from '../fixtures';

export function describeDropContract({ store, names }: ContractContext): void {
  describe('dropByPrefix', () => {
    it('drops the collections and checkpoints named with the prefix, and nothing else', async () => {
      const base = names.next('funnel');
      const [dropped, sibling] = [`${base}.g1.`, `${base}.g10.`];
      for (const collection of [`${dropped}contacts`, `${dropped}stays`, `${sibling}contacts`]) {
        await seed(store(), names, collection, [{ _id: 'a', stage: 'lead' }]);
      }
      await store().ensureIndexes([{ collection: `${dropped}contacts`, fields: ['stage'] }]);
      for (const projection of [`${dropped}$checkpoint`, `${sibling}$checkpoint`]) {
        await store().applyBatch({
          projection,
          writes: [],
          expectedCheckpoint: undefined,
          checkpoint: '7',
        });
      }

      await store().dropByPrefix(dropped);

      expect(await store().find(`${dropped}contacts`, {})).toEqual([]);
      expect(await store().count(`${dropped}stays`, {})).toBe(0);
      expect(await store().checkpoint(`${dropped}$checkpoint`)).toBeUndefined();
      expect(await store().get(`${sibling}contacts`, 'a')).toEqual({ _id: 'a', stage: 'lead' });
      expect(await store().checkpoint(`${sibling}$checkpoint`)).toBe('7');
    });

    it('reads the prefix literally, wildcards and case included', async () => {
      const base = names.next('Mixed');
      await seed(store(), names, `${base}_x`, [{ _id: 'a' }]);
      await seed(store(), names, `${base}Ax`, [{ _id: 'a' }]);
      await seed(store(), names, `${base.toLowerCase()}_x`, [{ _id: 'a' }]);
      await store().dropByPrefix(`${base}%`);
      await store().dropByPrefix(`${base}_`);
      expect(await store().count(`${base}_x`, {})).toBe(0);
      expect(await store().count(`${base}Ax`, {})).toBe(1);
      expect(await store().count(`${base.toLowerCase()}_x`, {})).toBe(1);
    });

    it('leaves a dropped collection ready to be filled and indexed again', async () => {
      const prefix = `${names.next('rebuild')}.`;
      const collection = `${prefix}contacts`;
      await seed(store(), names, collection, [{ _id: 'old', tags: ['x'] }]);
      await store().dropByPrefix(prefix);
      await store().ensureIndexes([{ collection, fields: ['tags'] }]);
      await seed(store(), names, collection, [{ _id: 'new', tags: 'x' }]);
      expect(await store().find(collection, { tags: 'x' })).toEqual([{ _id: 'new', tags: 'x' }]);
    });
  });
}
