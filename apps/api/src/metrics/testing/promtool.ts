import { spawnSync } from 'node:child_process';

/** What one promtool run printed (stdout then stderr) and its exit status. */
export interface PromtoolRun {
  status: number | null;
  output: string;
}

const INSTALL_HINT = "Debian's prometheus package has it; bash .ci/run installs it when missing";

/** Whether `promtool` runs on this machine. */
export const PROMTOOL_INSTALLED = spawnSync('promtool', ['--version']).error === undefined;

/** Runs promtool with `input` on its standard input; fails loudly when promtool is missing. */
export function promtool(args: readonly string[], input?: string, cwd?: string): PromtoolRun {
  const run = spawnSync('promtool', args, { input, cwd, encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new Error(`promtool could not run (${run.error.message}): ${INSTALL_HINT}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

/**
 * A test that needs promtool. Without it, on a developer's machine, it is skipped with the reason
 * in its title; in CI (CI set) it runs, and fails for want of promtool.
 */
export function promtoolTest(title: string, test: () => void): void {
  if (PROMTOOL_INSTALLED || process.env.CI) it(title, test);
  else it.skip(`${title} (skipped: promtool is not installed; ${INSTALL_HINT})`, test);
}
