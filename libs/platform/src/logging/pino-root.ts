import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { currentCorrelationId } from './request-context';

export interface PinoRootOptions {
  /** Lowest level written. */
  level: Level;
  /** Where each JSON line goes; default stdout, written synchronously so no line is lost on exit. */
  destination?: DestinationStream;
}

/**
 * Defence in depth: no code path logs headers or tokens, but an object logged by mistake must
 * not leak a key.
 */
const NEVER_WRITTEN = [
  'authorization',
  'token',
  'headers.authorization',
  'req.headers.authorization',
];

/**
 * The process's one pino logger: JSON lines with `level` as a name, an ISO `time`, `msg`, and the
 * correlation id of the request or job being handled.
 */
export function createPinoRoot(options: PinoRootOptions): Logger {
  return pino(
    {
      level: options.level,
      // No pid or hostname: whoever collects stdout knows which process and host it reads.
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: NEVER_WRITTEN, censor: '[redacted]' },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
