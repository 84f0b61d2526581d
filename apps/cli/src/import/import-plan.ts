import type { CommandType } from '@chronicle/application';

/** One command to send: its payload carries `occurredAt`, the business time of the source row. */
export interface PlannedCommand {
  type: CommandType;
  payload: Record<string, unknown>;
  /** Derived from the source row, so a re-run after an interruption appends nothing twice. */
  idempotencyKey: string;
}

/** Commands of one entity, sent strictly in order; different chains run concurrently. */
export interface CommandChain {
  /** Names the entity, for error reports (e.g. `deal maven-1C1I7A6R`). */
  entity: string;
  commands: PlannedCommand[];
}

/**
 * A phase starts once every command of the previous one has been answered: definitions and the
 * contacts that later commands name come first, because those commands are refused without them.
 */
export interface ImportPhase {
  name: string;
  chains: CommandChain[];
}

export interface ImportPlan {
  dataset: string;
  phases: ImportPhase[];
}

/** How many commands a plan holds, for the progress bar. */
export function countCommands(plan: ImportPlan): number {
  return plan.phases.reduce(
    (total, phase) => total + phase.chains.reduce((sum, chain) => sum + chain.commands.length, 0),
    0,
  );
}

/** Every command of a plan in sending order (phase, then chain), for tests and dry runs. */
export function flattenPlan(plan: ImportPlan): PlannedCommand[] {
  return plan.phases.flatMap((phase) => phase.chains.flatMap((chain) => chain.commands));
}
