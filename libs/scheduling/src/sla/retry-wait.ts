/** A wait between retries that ends at its time, when `signal` aborts, or early on `cutShort`. */
export class RetryWait {
  private end: (() => void) | undefined;

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', end);
        this.end = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      signal.addEventListener('abort', end, { once: true });
      this.end = end;
    });
  }

  /** Ends the wait in progress, if any. */
  cutShort(): void {
    this.end?.();
  }
}
