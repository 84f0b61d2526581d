import type { LoggerService } from '@nestjs/common';

/** What must finish before the process ends; CONTRACT's bound is 10 s, this leaves a margin. */
export const SHUTDOWN_GRACE_MS = 7_000;

export interface StopOnSignalsOptions {
  /** Closes the application: HTTP first, then workers, then the stores. */
  close: () => Promise<void>;
  logger: LoggerService;
  graceMs?: number;
  /** Ends the process; injectable so a test can watch it instead of dying. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT, closes the application and ends the process, within `graceMs` whatever
 * a dependency does: a close stuck on an unreachable Redis, MongoDB or EventStoreDB is cut short.
 * Cutting it short loses nothing acknowledged, since every write is durable before its answer.
 */
export function stopOnSignals(options: StopOnSignalsOptions): void {
  const {
    close,
    logger,
    graceMs = SHUTDOWN_GRACE_MS,
    exit = (code) => process.exit(code),
  } = options;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping within ${graceMs / 1000} s`, 'Shutdown');
    const deadline = setTimeout(() => {
      logger.warn('Shutdown did not finish in time; exiting now', 'Shutdown');
      exit(1);
    }, graceMs);
    deadline.unref();
    close().then(
      () => {
        clearTimeout(deadline);
        logger.log('Stopped', 'Shutdown');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error(`Shutdown failed: ${String(error)}`, undefined, 'Shutdown');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
