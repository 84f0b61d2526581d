import { ReadOnlyEventLog } from '@chronicle/event-store/embedded';
import {
  type Checkpoint,
  describeProblem,
  type IntegrityReport,
  verifyLog,
} from '@chronicle/integrity';
import { SqliteTreeStore } from '@chronicle/integrity/embedded';
import { parseVerifyArguments, VERIFY_USAGE, type VerifyArguments } from './verify-args';

const LISTED = 20;

/** `verify`: checks a data folder offline; 0 when it passes, 1 naming the first problem, 2 when it cannot. */
export async function runVerifyCommand(argv: readonly string[]): Promise<number> {
  let args: VerifyArguments;
  try {
    args = parseVerifyArguments(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${VERIFY_USAGE}\n`);
    return 2;
  }
  let log: ReadOnlyEventLog;
  try {
    log = ReadOnlyEventLog.open(args.dataDir);
  } catch (error) {
    process.stderr.write(
      `Cannot open the event store in ${args.dataDir}: ${(error as Error).message}\n`,
    );
    return 2;
  }
  const tree = SqliteTreeStore.openReadOnly(args.dataDir);
  try {
    const checkpoint = args.checkpoint ?? tree?.latestCheckpoint();
    if (checkpoint && args.publicKey !== undefined && checkpoint.publicKey !== args.publicKey) {
      process.stderr.write(
        `FAILED: checkpoint: it is signed by key ${checkpoint.keyId}, not by the key given\n`,
      );
      return 1;
    }
    const report = await verifyLog({ log, tree, checkpoint, contiguousPositions: true });
    write(report, checkpoint, args.checkpoint === undefined);
    return report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`Cannot check ${args.dataDir}: ${(error as Error).message}\n`);
    return 2;
  } finally {
    tree?.close();
    log.close();
  }
}

function write(report: IntegrityReport, checkpoint: Checkpoint | undefined, own: boolean): void {
  const against = checkpoint
    ? `checkpoint of ${checkpoint.treeSize} events (key ${checkpoint.keyId}, ${checkpoint.timestamp})${own ? ", the folder's own" : ''}`
    : 'no checkpoint: chains and positions only';
  const [first] = report.problems;
  if (!first) {
    process.stdout.write(`OK: ${report.events} events up to position ${report.head}; ${against}\n`);
    return;
  }
  const listed = report.problems.slice(0, LISTED).map((problem) => `  ${describeProblem(problem)}`);
  const more = report.problemCount - listed.length;
  process.stdout.write(
    [
      `${report.problemCount} problem(s) in ${report.events} events; ${against}`,
      ...listed,
      ...(more > 0 ? [`  … and ${more} more`] : []),
    ].join('\n') + '\n',
  );
  process.stderr.write(`FAILED: ${describeProblem(first)}\n`);
}
