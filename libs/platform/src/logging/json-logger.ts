import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { createPinoRoot } from './pino-root';

/** Nest's level names on pino's. */
const PINO_LEVEL: Record<LogLevel, Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};
const PINO_SEVERITY: Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export interface JsonLoggerOptions {
  /** Lowest level written; default `log` (info). */
  minLevel?: LogLevel;
  /** Where each line goes (one JSON object ending in a newline); default stdout. */
  write?: (line: string) => void;
}

/**
 * Nest logger on pino, writing one JSON object per line: level, time, msg, context,
 * correlationId. `pino` is the same logger for structured lines (the access log, start and stop).
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(options: JsonLoggerOptions = {}) {
    const { write } = options;
    this.pino = createPinoRoot({
      level: PINO_LEVEL[options.minLevel ?? 'log'],
      destination: write === undefined ? undefined : { write },
    });
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
    const lowest = Math.min(...levels.map((level) => PINO_SEVERITY.indexOf(PINO_LEVEL[level])));
    this.pino.level = PINO_SEVERITY[lowest] ?? 'info';
  }

  private emit(nestLevel: LogLevel, message: unknown, params: unknown[]): void {
    const level = PINO_LEVEL[nestLevel];
    if (!this.pino.isLevelEnabled(level)) return;
    const { context, stack } = splitParams(nestLevel, params);
    const fields = {
      context,
      stack: stack ?? (message instanceof Error ? message.stack : undefined),
    };
    const text = message instanceof Error ? message.message : message;
    if (typeof text === 'string') this.pino[level](fields, text);
    // Nest lets callers log objects; they are written as the line's msg, as JSON.
    else this.pino[level]({ ...fields, msg: text });
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
