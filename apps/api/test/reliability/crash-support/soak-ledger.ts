import {
  type Command,
  type CommandAnswer,
  describeReply,
  headPosition,
  readStreams,
  sendCommand,
} from './chronicle-client';
import type { SeededRandom } from './seeded-random';
import { CAMPAIGN_IDS, SHARED_CONTACT_ID } from './soak-journeys';
import { answersByStream, globalOrderProblems, streamProblems } from './stored-events-check';
import type { ViewSample } from './view-rebuilds';

/** Every command answered 201 so far, over all rounds, by Idempotency-Key. */
export class SoakLedger {
  readonly answers = new Map<string, CommandAnswer>();
  private readonly commands = new Map<string, Command>();

  record(command: Command, answer: CommandAnswer): void {
    this.answers.set(command.key, answer);
    this.commands.set(command.key, command);
  }

  /**
   * What the event store holds against the answers: each stream any answer names, read whole,
   * checked by `streamProblems`, and all of them together by `globalOrderProblems`.
   */
  async storageProblems(baseUrl: string): Promise<string[]> {
    const head = await headPosition(baseUrl);
    const byStream = answersByStream(this.answers);
    const streams = await readStreams(baseUrl, [...byStream.keys()]);
    return [
      ...[...byStream].flatMap(([id, answers]) => streamProblems(id, streams.get(id)!, answers)),
      ...globalOrderProblems(streams, { after: '0', head }),
    ].slice(0, 20);
  }

  /** Sends `count` answered commands again, from any round: each must answer as the first time. */
  async repeatProblems(baseUrl: string, random: SeededRandom, count: number): Promise<string[]> {
    const problems: string[] = [];
    for (const key of random.sample([...this.answers.keys()], count)) {
      const repeat = await sendCommand(baseUrl, this.commands.get(key)!);
      if (
        repeat.status !== 201 ||
        JSON.stringify(repeat.body) !== JSON.stringify(this.answers.get(key))
      ) {
        problems.push(
          `${key} first ${JSON.stringify(this.answers.get(key))}, now ${describeReply(repeat)}`,
        );
      }
    }
    return problems;
  }

  /** The shared contact, four registered customers, three tickets and the campaigns. */
  viewSample(random: SeededRandom): ViewSample {
    const ids = (type: string, field: string): string[] =>
      [...this.commands.values()]
        .filter((command) => command.type === type)
        .map(({ body }) => String(body[field]));
    return {
      contactIds: [SHARED_CONTACT_ID, ...random.sample(ids('RegisterContact', 'contactId'), 4)],
      ticketIds: random.sample(ids('OpenTicket', 'ticketId'), 3),
      campaignIds: CAMPAIGN_IDS,
    };
  }
}
