import { type DatasetName, loadPlan } from '../datasets/dataset-registry';
import type { CommandSender } from '../senders/command-sender';
import { countCommands, type ImportPlan } from './import-plan';
import type { ImportReport } from './import-report';
import { ProgressBar, type ProgressStream } from './progress-bar';
import { runPlan } from './run-plan';

export interface ImportDatasetOptions {
  dataset: DatasetName;
  /** Folder of the datasets (or of this dataset). */
  path: string;
  limit?: number;
  concurrency: number;
  sender: CommandSender;
  /** Where to draw the progress bar; absent → none. */
  progress?: ProgressStream;
  signal?: AbortSignal;
}

export interface ImportOutcome {
  plan: ImportPlan;
  planned: number;
  report: ImportReport;
  seconds: number;
  /** The store's head before and after (in-process only): equal when nothing new was appended. */
  headBefore?: string;
  headAfter?: string;
}

/** Maps a dataset to commands and sends them all; see {@link runPlan} for the ordering. */
export async function importDataset(options: ImportDatasetOptions): Promise<ImportOutcome> {
  const plan = await loadPlan(options.dataset, options.path, options.limit);
  const planned = countCommands(plan);
  const bar = options.progress && new ProgressBar(planned, options.progress);
  const headBefore = await options.sender.headPosition();
  const startedAt = performance.now();
  let latest = { answered: 0, refused: 0 };
  const report = await runPlan(plan, options.sender, {
    concurrency: options.concurrency,
    signal: options.signal,
    onAnswered: (progress) => {
      latest = progress;
      bar?.update(progress.answered, progress.refused);
    },
  }).finally(() => bar?.finish(latest.answered, latest.refused));
  const seconds = (performance.now() - startedAt) / 1000;
  const headAfter = await options.sender.headPosition();
  return { plan, planned, report, seconds, headBefore, headAfter };
}
