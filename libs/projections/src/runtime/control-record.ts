import type { ReadStore } from '@chronicle/read-store';

/** The collection that says, per projection, which generation serves reads. */
export const CONTROL_COLLECTION = '_projections';

export interface GenerationRef {
  generation: number;
  version: number;
}

/** A generation being filled in the background; it replaces `active` once it has caught up. */
export interface BuildingGeneration extends GenerationRef {
  jobId: string;
  /** The head position when the build started: the build switches in once it gets there. */
  total: string;
}

/** The active-generation record of one projection. */
export interface ControlRecord {
  active: GenerationRef;
  building?: BuildingGeneration;
  /** Generations switched out whose collections are still to be dropped (survives a crash). */
  retired: number[];
  /** The highest generation number ever handed out. */
  lastGeneration: number;
}

/**
 * Reads and writes one projection's control record. Every write is an `applyBatch` fenced by a
 * revision counter kept as the record's own checkpoint, so a worker that lost its lease cannot
 * overwrite a newer record: its write fails with CheckpointMovedError.
 */
export class ControlRecordStore {
  private revision: string | undefined;

  constructor(
    private readonly readStore: ReadStore,
    private readonly projection: string,
  ) {}

  private get fenceName(): string {
    return `${CONTROL_COLLECTION}.${this.projection}`;
  }

  async load(): Promise<ControlRecord | undefined> {
    this.revision = await this.readStore.checkpoint(this.fenceName);
    const document = await this.readStore.get(CONTROL_COLLECTION, this.projection);
    if (!document) return undefined;
    const { _id: _ignored, ...record } = document;
    return record as unknown as ControlRecord;
  }

  /** The switch to a new generation is this one write: readers follow it at once. */
  async save(record: ControlRecord): Promise<void> {
    const next = String(BigInt(this.revision ?? '0') + 1n);
    await this.readStore.applyBatch({
      projection: this.fenceName,
      writes: [
        {
          kind: 'put',
          collection: CONTROL_COLLECTION,
          document: { _id: this.projection, ...structuredClone(record) },
        },
      ],
      expectedCheckpoint: this.revision,
      checkpoint: next,
    });
    this.revision = next;
  }
}
