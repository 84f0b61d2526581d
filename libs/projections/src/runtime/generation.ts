import type { IndexSpec } from '@chronicle/read-store';

/** Projection names become prefixes of physical collection names, so they stay simple. */
const PROJECTION_NAME = /^[a-z][a-z0-9_-]{0,63}$/i;

export function assertProjectionName(name: string): void {
  if (!PROJECTION_NAME.test(name)) {
    throw new Error(
      `Projection name "${name}" must start with a letter and hold only letters, digits, _ and -`,
    );
  }
}

/** One physical copy of a projection's read model, filled by one version of its code. */
export interface Generation {
  projection: string;
  generation: number;
  version: number;
}

/** Every collection and the checkpoint of a generation start with this; `dropByPrefix` takes it. */
export function generationPrefix(generation: Generation): string {
  return `${generation.projection}.g${generation.generation}.`;
}

/** Logical `contacts` of `funnel` generation 3 → `funnel.g3.contacts`. */
export function physicalCollection(generation: Generation, logical: string): string {
  return `${generationPrefix(generation)}${logical}`;
}

/** The read store's checkpoint name for a generation; it shares the generation's prefix. */
export function checkpointName(generation: Generation): string {
  return `${generationPrefix(generation)}$checkpoint`;
}

export function physicalIndexes(
  generation: Generation,
  indexes: readonly IndexSpec[],
): IndexSpec[] {
  return indexes.map((index) => ({
    collection: physicalCollection(generation, index.collection),
    fields: [...index.fields],
  }));
}
