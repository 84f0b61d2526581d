/** How failed deliveries are retried (docs/webhooks.md). */
export interface RetryPolicy {
  /** The first retry waits this long; each next one twice as long. Default 1 s. */
  firstDelayMs: number;
  /** No wait is longer. Default 5 min. */
  maxDelayMs: number;
  /** A delivery still failing this long after its first failure is dead. Default 24 h. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60 * 1000,
  giveUpAfterMs: 24 * 60 * 60 * 1000,
};

/** The wait after failed attempt number `attempts` (1-based). */
export function retryDelay(policy: RetryPolicy, attempts: number): number {
  const doubled = policy.firstDelayMs * 2 ** Math.min(Math.max(0, attempts - 1), 30);
  return Math.min(doubled, policy.maxDelayMs);
}
