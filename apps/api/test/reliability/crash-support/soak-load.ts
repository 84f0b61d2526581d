import type { ServerProcess } from '../../support/server-process';
import {
  type Command,
  type CommandAnswer,
  describeReply,
  type Reply,
  sendCommand,
} from './chronicle-client';
import { SeededRandom } from './seeded-random';
import { customerJourney } from './soak-journeys';

export interface LoadPlan {
  round: number;
  clients: number;
  /** The server is killed -9 as soon as this many commands of the round were answered 201. */
  killAfter: number;
  seed: number;
}

export interface LoadOutcome {
  acknowledged: Array<{ command: Command; answer: CommandAnswer }>;
  /** Commands whose connection died with the server: sent, never answered. */
  unanswered: Command[];
  /** Answers other than 201 (every journey step is valid, so any is a failure). */
  refused: string[];
}

/**
 * Clients walk customer journeys, one command at a time each, until the round's quota of
 * acknowledgements is reached; then the server is killed -9 while the others are in flight.
 * Each client draws from its own seeded generator, so its journeys do not depend on timing.
 */
export async function loadUntilKilled(server: ServerProcess, plan: LoadPlan): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { acknowledged: [], unanswered: [], refused: [] };
  let killing: Promise<void> | undefined;

  const client = async (clientNo: number): Promise<void> => {
    const random = new SeededRandom(plan.seed + plan.round * 7919 + clientNo * 104_729);
    for (let journeyNo = 0; ; journeyNo += 1) {
      const journeyId = `r${plan.round}-c${clientNo}-j${journeyNo}`;
      for (const command of customerJourney(random, journeyId)) {
        if (killing) return;
        let reply: Reply;
        try {
          reply = await sendCommand(server.baseUrl, command);
        } catch {
          outcome.unanswered.push(command);
          return;
        }
        if (reply.status !== 201) {
          outcome.refused.push(`${command.type} ${command.key}: ${describeReply(reply)}`);
          return;
        }
        outcome.acknowledged.push({ command, answer: reply.body as CommandAnswer });
        if (outcome.acknowledged.length >= plan.killAfter) killing ??= server.kill();
      }
    }
  };

  await Promise.all(Array.from({ length: plan.clients }, (_, clientNo) => client(clientNo)));
  await killing;
  return outcome;
}

/**
 * Sends every unanswered command again with its key, twice: the first retry must be accepted
 * (the journey before it was acknowledged, so it is valid whether or not it was stored before the
 * kill) and the second must answer exactly as the first.
 */
export async function retryUnanswered(
  baseUrl: string,
  unanswered: readonly Command[],
): Promise<{ answers: Array<{ command: Command; answer: CommandAnswer }>; problems: string[] }> {
  const answers: Array<{ command: Command; answer: CommandAnswer }> = [];
  const problems: string[] = [];
  await Promise.all(
    unanswered.map(async (command) => {
      const first = await sendCommand(baseUrl, command);
      const again = await sendCommand(baseUrl, command);
      if (first.status !== 201) {
        problems.push(`retry of ${command.type} ${command.key}: ${describeReply(first)}`);
        return;
      }
      if (JSON.stringify(again) !== JSON.stringify(first)) {
        problems.push(
          `${command.key} answered ${describeReply(first)}, then ${describeReply(again)}`,
        );
      }
      answers.push({ command, answer: first.body as CommandAnswer });
    }),
  );
  return { answers, problems };
}
