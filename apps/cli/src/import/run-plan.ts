import type { CommandSender } from '../senders/command-sender';
import type { CommandChain, ImportPlan } from './import-plan';
import { ImportReport } from './import-report';

export interface RunPlanOptions {
  /** Chains in flight at once; each chain still sends one command at a time. */
  concurrency: number;
  /** Called after every answered command (progress bars). */
  onAnswered?: (report: ImportReport) => void;
  /** Stops sending (Ctrl-C); commands in flight are still answered. */
  signal?: AbortSignal;
}

/**
 * Sends a plan phase by phase. Within a phase, up to `concurrency` chains run at once and each
 * chain waits for a command's answer before sending the next, so an entity's commands arrive
 * in order (a WinDeal never overtakes its OpenDeal). A refused command is recorded and its
 * chain goes on: the commands after it are judged on their own, which keeps the report honest.
 * @throws whatever the sender throws for a failure that is not a refusal; nothing else runs then.
 */
export async function runPlan(
  plan: ImportPlan,
  sender: CommandSender,
  options: RunPlanOptions,
): Promise<ImportReport> {
  const report = new ImportReport();
  for (const phase of plan.phases) {
    if (options.signal?.aborted) break;
    await runChains(phase.chains, sender, options, report);
  }
  return report;
}

async function runChains(
  chains: readonly CommandChain[],
  sender: CommandSender,
  options: RunPlanOptions,
  report: ImportReport,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    const stopped = (): boolean => failure !== undefined || options.signal?.aborted === true;
    while (!stopped() && next < chains.length) {
      const chain = chains[next]!;
      next += 1;
      try {
        for (const command of chain.commands) {
          if (stopped()) return;
          report.record(chain.entity, command, await sender.send(command));
          options.onAnswered?.(report);
        }
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, chains.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) throw failure.error;
}
