/** Error codes are a closed set of upper-case names; anything else would be an open label value. */
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * The `outcome` label of a failed operation: the error's code (`WRONG_EXPECTED_REVISION`,
 * `RULE_VIOLATED`…) when it has one of that shape, else `error`. Never the message, which may name
 * ids, hosts or paths.
 */
export function errorOutcome(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'error';
}

/** Seconds since `started` (a `performance.now()` reading). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
