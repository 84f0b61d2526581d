import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTimerSchedulerContract } from '../../testing/timer-scheduler.contract';
import { SqliteTimerScheduler } from './sqlite-timer-scheduler';

const dir = mkdtempSync(join(tmpdir(), 'chronicle-timers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeTimerSchedulerContract('embedded (SQLite)', (store) =>
  Promise.resolve(
    new SqliteTimerScheduler({
      path: join(dir, `${store}.sqlite`),
      retry: { attempts: 5, backoffMs: 20 },
    }),
  ),
);
