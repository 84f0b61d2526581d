import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentCorrelationId } from './request-context';

const SEVERITY: Record<LogLevel, number> = {
  verbose: 0,
  debug: 1,
  log: 2,
  warn: 3,
  error: 4,
  fatal: 5,
};

export interface JsonLoggerOptions {
  /** Lowest level written; default `log` (info). */
  minLevel?: LogLevel;
  /** Where each line goes; default stdout. */
  write?: (line: string) => void;
}

/** Nest logger writing one JSON object per line: level, time, msg, context, correlationId. */
export class JsonLogger implements LoggerService {
  private minSeverity: number;
  private readonly write: (line: string) => void;

  constructor(options: JsonLoggerOptions = {}) {
    this.minSeverity = SEVERITY[options.minLevel ?? 'log'];
    this.write = options.write ?? ((line) => process.stdout.write(line));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.minSeverity = Math.min(...levels.map((level) => SEVERITY[level]));
  }

  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (SEVERITY[level] < this.minSeverity) return;
    const { context, stack } = splitParams(level, params);
    const entry: Record<string, unknown> = {
      // 'log' is Nest's name for the level everyone else calls 'info'.
      level: level === 'log' ? 'info' : level,
      time: new Date().toISOString(),
      msg: message instanceof Error ? message.message : message,
      context,
      correlationId: currentCorrelationId(),
      stack: stack ?? (message instanceof Error ? message.stack : undefined),
    };
    this.write(safeStringify(entry) + '\n');
  }
}

/**
 * Nest calls `error(message, stack?, context?)` and the other levels `(message, context?)`;
 * its Logger appends the context last.
 */
function splitParams(level: LogLevel, params: unknown[]): { context?: string; stack?: string } {
  const strings = params.filter((param): param is string => typeof param === 'string');
  if (level !== 'error' && level !== 'fatal') return { context: strings.at(-1) };
  if (strings.length >= 2) return { stack: strings[0], context: strings.at(-1) };
  const only = strings[0];
  return only !== undefined && /\n\s+at /.test(only) ? { stack: only } : { context: only };
}

function safeStringify(entry: Record<string, unknown>): string {
  try {
    return JSON.stringify(entry);
  } catch {
    return JSON.stringify({ ...entry, msg: String(entry.msg) });
  }
}
