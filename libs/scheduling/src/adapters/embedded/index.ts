// `@chronicle/scheduling/embedded`: SLA timers in a SQLite file, for single-node use.
export { SqliteTimerScheduler, type SqliteTimerSchedulerOptions } from './sqlite-timer-scheduler';
