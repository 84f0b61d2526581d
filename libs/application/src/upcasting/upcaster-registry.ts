/**
 * One step of schema evolution: turns the data of a `type` event written at `fromVersion` into
 * the shape of `fromVersion + 1`. Steps run on decrypted data (personal fields in clear, or the
 * ERASED marker), because changing a personal field's shape (splitting a name) needs its value.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  /**
   * Personal fields of the old shape that today's `personalFields` no longer lists. They were
   * sealed under the subject's key with their own field name, so the reader opens them before the
   * step runs.
   */
  sealedFields?: readonly string[];
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

/** The schema version every event this code appends carries (`metadata.schemaVersion`). */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * `metadata.schemaVersion` of a stored event. Events written before versions were recorded carry
 * none and count as version 0.
 */
export function schemaVersionOf(metadata: Record<string, unknown>): number {
  const { schemaVersion } = metadata;
  return typeof schemaVersion === 'number' && Number.isSafeInteger(schemaVersion)
    ? schemaVersion
    : 0;
}

/** The upcasters by (type, fromVersion); `chain` gives the steps from a version to the newest. */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) {
      const key = stepKey(upcaster.type, upcaster.fromVersion);
      if (this.steps.has(key)) throw new Error(`Two upcasters for ${key}`);
      this.steps.set(key, upcaster);
    }
  }

  /** The steps, in order, that bring a `type` event of `version` to the newest shape; often none. */
  chain(type: string, version: number): Upcaster[] {
    const chain: Upcaster[] = [];
    for (let step = this.steps.get(stepKey(type, version)); step;) {
      chain.push(step);
      step = this.steps.get(stepKey(type, step.fromVersion + 1));
    }
    return chain;
  }
}

function stepKey(type: string, version: number): string {
  return `${type}@${version}`;
}
