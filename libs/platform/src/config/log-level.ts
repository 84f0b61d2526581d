import type { LogLevel } from '@nestjs/common';

/** The levels LOG_LEVEL accepts, most severe first. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Nest calls the level everyone else calls `info` `log`. */
export function nestLogLevel(level: LogLevelName): LogLevel {
  return level === 'info' ? 'log' : level;
}
