/**
 * Resolves once `check` holds, checking every `intervalMs`; rejects after `timeoutMs`. For states
 * that announce no event (a job removed in Redis): tests wait for them, never sleep a guess.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
