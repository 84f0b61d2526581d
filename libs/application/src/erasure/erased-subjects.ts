/**
 * The subjects whose erasure is in the log but whose destruction may not be finished: from the
 * moment their `ContactPersonalDataErased` is appended (or found at start) until their keys and
 * remnants are gone. The key store answers for every subject destroyed before; this covers the
 * window in between, so the log's marker wins over a key that survived a crash or a locked file.
 */
export class ErasedSubjects {
  private readonly pending = new Set<string>();

  add(subjects: Iterable<string>): void {
    for (const subject of subjects) this.pending.add(subject);
  }

  has(subject: string): boolean {
    return this.pending.has(subject);
  }

  /** The subjects still waiting for their destruction. */
  list(): string[] {
    return [...this.pending];
  }

  /** Called once the key store holds their tombstones: from then on it answers for them. */
  settle(subjects: Iterable<string>): void {
    for (const subject of subjects) this.pending.delete(subject);
  }
}
