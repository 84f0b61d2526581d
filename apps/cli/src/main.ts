import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '@chronicle/platform';
import { type ImportArguments, parseImportArguments, USAGE } from './cli-args';
import { importDataset } from './import/import-dataset';
import { REBUILD_USAGE } from './rebuild/rebuild-args';
import { runRebuildCommand } from './rebuild/rebuild-command';
import type { CommandSender } from './senders/command-sender';
import { VERIFY_USAGE } from './verify/verify-args';
import { runVerifyCommand } from './verify/verify-command';
import { HttpSender } from './senders/http-sender';
import { InProcessSender } from './senders/in-process-sender';

const USAGES: Readonly<Record<string, string>> = {
  import: USAGE,
  rebuild: REBUILD_USAGE,
  verify: VERIFY_USAGE,
};
const HELP = [
  'Usage: chronicle-cli <command> [options]   (chronicle-cli <command> --help for its options)',
  ...Object.values(USAGES),
].join('\n\n');

/** `chronicle-cli import <dataset> …`, `rebuild <projection> …`, `verify …`, or `help`. */
async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  const usage = Object.hasOwn(USAGES, command) ? USAGES[command] : undefined;
  if (usage === undefined) {
    process.stderr.write(`Unknown command ${JSON.stringify(command)}\n\n${HELP}\n`);
    return 2;
  }
  if (argv.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  // The key comes from the environment rather than the command line, which `ps` shows to all.
  const envToken = process.env.CHRONICLE_TOKEN;
  if (command === 'rebuild') return runRebuildCommand(argv, envToken);
  if (command === 'verify') return runVerifyCommand(argv);
  let args: ImportArguments;
  try {
    args = parseImportArguments(argv, envToken);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const correlationId = `import-${args.dataset}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const sender = await openSender(args, correlationId);
  const interrupt = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nStopping after the commands in flight; run again to resume.\n');
    interrupt.abort();
  });
  try {
    const outcome = await importDataset({
      dataset: args.dataset,
      path: args.path ?? join(repositoryRoot(), '..', 'shared', 'datasets'),
      limit: args.limit,
      concurrency: args.concurrency,
      sender,
      progress: args.progress ? process.stderr : undefined,
      signal: interrupt.signal,
    });
    const { report, seconds, planned, headBefore, headAfter } = outcome;
    const lines = [
      `${args.dataset}: ${planned} commands planned (correlation id ${correlationId})`,
      ...report.describe(seconds),
    ];
    if (headAfter !== undefined) lines.push(`Event store head: ${headBefore} -> ${headAfter}`);
    if (interrupt.signal.aborted) lines.push('Interrupted: run the same command again to resume.');
    process.stdout.write(`${lines.join('\n')}\n`);
    return interrupt.signal.aborted ? 130 : 0;
  } finally {
    await sender.close();
  }
}

async function openSender(args: ImportArguments, correlationId: string): Promise<CommandSender> {
  if (args.http) return new HttpSender(args.http.url, args.http.token, correlationId);
  // The CLI's entry point reads the environment once, as the API's does.
  return await InProcessSender.open(loadConfig(process.env), correlationId);
}

/** The folder holding the repository's package.json, from src (dev) or dist (built). */
function repositoryRoot(): string {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'apps'))) return folder;
    if (dirname(folder) === folder) return resolve('.');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Import failed: ${message}\nIt is resumable: run the same command again.\n`,
    );
    process.exit(1);
  },
);
