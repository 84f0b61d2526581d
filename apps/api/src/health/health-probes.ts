/** Optional providers through which the read store and Redis report on `/health`. */
export const READ_STORE_HEALTH = Symbol('READ_STORE_HEALTH');
/** The integrity log's own judgement of the store (an `IntegrityLog`). */
export const INTEGRITY_STATUS = Symbol('INTEGRITY_STATUS');

export interface HealthProbe<Adapter extends string = string> {
  readonly adapter: Adapter;
  /** Resolves when the dependency answers; rejects when it does not. */
  ping(): Promise<void>;
}

export type ReadStoreHealthProbe = HealthProbe<'embedded' | 'mongodb'>;

export type ProbeStatus = 'up' | 'down';

/** Pings with a deadline, so a hung connection makes `/health` say "down" instead of hang. */
export async function probe(ping: () => Promise<unknown>, timeoutMs = 2000): Promise<ProbeStatus> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  });
  try {
    await Promise.race([ping(), deadline]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
