type Release = () => void;

/**
 * Serialises work per key within the process, first come first served. Work holding several keys
 * takes them in sorted order, so two commands over the same streams can never wait on each other.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async runExclusive<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const releases: Release[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** Keys with work running or waiting; an idle mutex holds none. */
  get heldKeys(): number {
    return this.tails.size;
  }

  private async acquire(key: string): Promise<Release> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: Release;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      // The last in line leaves no entry behind, so the map only holds contended keys.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
