import type { Db } from 'mongodb';
import { isNamespaceExists } from './errors';

/**
 * The collections known to exist, so that each is created once, outside any transaction: created
 * implicitly inside one, two first batches racing would conflict, and a sharded cluster refuses it.
 */
export class KnownCollections {
  private readonly names = new Set<string>();

  constructor(private readonly db: Db) {}

  /** Reads which collections exist, then creates those of `names` that do not. */
  static async load(db: Db, names: readonly string[]): Promise<KnownCollections> {
    const known = new KnownCollections(db);
    const listed = await db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of listed) known.names.add(name);
    await known.ensure(names);
    return known;
  }

  async ensure(names: Iterable<string>): Promise<void> {
    for (const name of new Set(names)) {
      if (this.names.has(name)) continue;
      await this.db.createCollection(name).catch((error: unknown) => {
        // Another process created it first: just as good.
        if (!isNamespaceExists(error)) throw error;
      });
      this.names.add(name);
    }
  }

  /** Records a collection created by other means (an index build creates its collection). */
  add(name: string): void {
    this.names.add(name);
  }

  forget(name: string): void {
    this.names.delete(name);
  }
}
