import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess } from '../support/server-process';
import {
  accepted,
  type Command,
  type CommandAnswer,
  headPosition,
  readStreams,
  sendCommand,
  serverEnv,
} from './crash-support/chronicle-client';
import { mixFigures } from './crash-support/mixed-figures';
import { viewedMixFigures } from './crash-support/mixed-views';
import { mixedCommand, mixWorld } from './crash-support/mixed-world';
import {
  pinnedWriter,
  StreamTail,
  unpinnedWriter,
  type WriterResult,
} from './crash-support/one-stream-writers';
import { scaled, SEED } from './crash-support/reliability-settings';
import { SeededRandom } from './crash-support/seeded-random';
import {
  answersByStream,
  globalOrderProblems,
  streamProblems,
} from './crash-support/stored-events-check';

// Races, over real HTTP against the API in its own process (so clients and server do not
// share an event loop). commands-ordering.e2e-spec.ts already covers, in process: 200 writers
// without If-Match on one stream (all accepted, revisions without gaps, each decided on the state
// before), 10 writers pinned to one revision (one passes), and 50 requests with one key and one
// body for a one-event command. Here: writers with and without If-Match on one stream at once,
// mixed commands over many streams checked against the stored events and the views, and one key
// from 50 clients for a two-event command and with two different bodies.
// One writer in PINNED_EVERY of the 200 on one stream sends If-Match (and retries on 409).
const PINNED_EVERY = scaled(20, 5);
const MIX_SIZE = scaled(30, 50);
const MIX_CLIENTS = 64;
const MIX_COMMANDS_PER_CLIENT = scaled(6, 60);
// Generous: one stream's appends are serial, and a loaded 2-core machine does ~30 a second.
const TIMEOUT = scaled(90_000, 600_000);

describe('concurrent writers over HTTP', () => {
  let dataDir: string;
  let server: ServerProcess;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-races-'));
    server = await ServerProcess.start(serverEnv(dataDir));
    baseUrl = server.baseUrl;
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    `200 writers on one stream, 1 in ${PINNED_EVERY} pinned with If-Match: contiguous revisions, 409s append nothing`,
    async () => {
      const dealId = 'D-race-one';
      const streamId = `deal-${dealId}`;
      const open = await accepted(baseUrl, {
        type: 'OpenDeal',
        key: 'race-one-open',
        body: {
          dealId,
          name: 'One stream',
          amount: 100,
          currency: 'EUR',
          stage: 's-open',
          channel: 'online',
          ownerId: 'U-one',
        },
      });
      const tail = new StreamTail(baseUrl, streamId);
      const advance = (stage: string) => ({ type: 'AdvanceDealStage', body: { dealId, stage } });

      const writers: WriterResult[] = await Promise.all(
        Array.from({ length: 200 }, (_, writer) =>
          writer % PINNED_EVERY === 0
            ? pinnedWriter(baseUrl, writer, tail, (attempt, revision) => ({
                ...advance(`pinned-${writer}`),
                key: `race-one-${writer}-${attempt}`,
                ifMatch: revision,
              }))
            : unpinnedWriter(baseUrl, writer, {
                ...advance(`free-${writer}`),
                key: `race-one-${writer}`,
              }),
        ),
      );

      const attempts = writers.flatMap(({ attempts }) => attempts);
      const unexpected = attempts.filter(
        ({ command, status, body }) =>
          status !== 201 &&
          !(
            status === 409 &&
            command.ifMatch !== undefined &&
            hasCode(body, 'CONCURRENCY_CONFLICT')
          ),
      );
      expect(unexpected).toEqual([]);
      expect(writers.filter(({ accepted }) => !accepted).map(({ writer }) => writer)).toEqual([]);
      const revisions = writers.map(({ accepted }) => accepted!.revision).sort((a, b) => a - b);
      expect(revisions).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      // A pinned writer that got through landed right after the revision it named.
      for (const { attempts: tries, accepted: answer } of writers) {
        const { command } = tries[tries.length - 1]!;
        if (command.ifMatch !== undefined) expect(answer!.revision).toBe(command.ifMatch + 1);
      }
      expect(attempts.filter(({ status }) => status === 409).length).toBeGreaterThan(0);

      const answers = new Map<string, CommandAnswer>([['race-one-open', open]]);
      for (const { attempts: tries, accepted: answer } of writers) {
        answers.set(tries[tries.length - 1]!.command.key, answer!);
      }
      const stored = (await readStreams(baseUrl, [streamId])).get(streamId)!;
      // 409s are not among the answers: an event of theirs would be reported as never answered.
      expect(streamProblems(streamId, stored, answers)).toEqual([]);
      // Each was decided on the state the one before left: previousStage chains them all.
      stored.slice(1).forEach((event, i) => {
        expect(event.data.previousStage).toBe(stored[i]!.data.stage);
      });
    },
    TIMEOUT,
  );

  it(
    `${MIX_CLIENTS} clients × ${MIX_COMMANDS_PER_CLIENT} mixed commands over ${MIX_SIZE} contacts, deals and tickets (seed ${SEED})`,
    async () => {
      const after = await headPosition(baseUrl);
      const answers = new Map<string, CommandAnswer>();
      const world = mixWorld(MIX_SIZE);
      for (const batch of [world.contacts, world.dealsAndTickets]) {
        const given = await Promise.all(batch.map((command) => accepted(baseUrl, command)));
        batch.forEach(({ key }, i) => answers.set(key, given[i]!));
      }

      const refusals: string[] = [];
      await Promise.all(
        Array.from({ length: MIX_CLIENTS }, async (_, client) => {
          const random = new SeededRandom(SEED + client * 7919);
          const seenRevisions = new Map<string, number>();
          for (let n = 0; n < MIX_COMMANDS_PER_CLIENT; n += 1) {
            const command = mixedCommand(random, MIX_SIZE, `mix-${client}-${n}`, seenRevisions);
            const { status, body } = await sendCommand(baseUrl, command);
            if (status === 201) {
              const answer = body as CommandAnswer;
              answers.set(command.key, answer);
              seenRevisions.set(answer.streamId, answer.revision);
            } else {
              refusals.push(refusalKind(command, status, body));
            }
          }
        }),
      );
      // Only the refusals the world allows, and both kinds of them: the race was not all plain sailing.
      const kinds = new Set(refusals);
      expect([...kinds].filter((kind) => !ALLOWED_REFUSALS.includes(kind))).toEqual([]);
      expect([...kinds].sort()).toEqual([...ALLOWED_REFUSALS].sort());

      const head = await headPosition(baseUrl);
      const byStream = answersByStream(answers);
      const streams = await readStreams(baseUrl, [...byStream.keys()]);
      const problems = [...byStream].flatMap(([streamId, ofStream]) =>
        streamProblems(streamId, streams.get(streamId)!, ofStream),
      );
      expect(problems.slice(0, 20)).toEqual([]);
      expect(globalOrderProblems(streams, { after, head })).toEqual([]);

      expect(await viewedMixFigures(baseUrl, head, MIX_SIZE)).toEqual(mixFigures(streams));
    },
    TIMEOUT,
  );

  it('one Idempotency-Key from 50 clients, for a two-event command: one append, 50 equal answers', async () => {
    const contactId = 'C-race-key';
    await accepted(baseUrl, {
      type: 'RegisterContact',
      key: 'race-key-register',
      body: { contactId, lastName: 'Key', source: 'web' },
    });
    const head = BigInt(await headPosition(baseUrl));
    const qualify: Command = {
      type: 'QualifyLead',
      key: 'race-key-qualify',
      body: { contactId, qualification: 'sales', reason: 'Asked for a demo' },
    };

    const replies = await Promise.all(
      Array.from({ length: 50 }, () => sendCommand(baseUrl, qualify)),
    );

    expect(replies.map(({ status }) => status)).toEqual(Array<number>(50).fill(201));
    expect(new Set(replies.map(({ body }) => JSON.stringify(body))).size).toBe(1);
    const answer = replies[0]!.body as CommandAnswer;
    expect(answer.events.map(({ type }) => type)).toEqual([
      'LeadQualified',
      'LifecycleStageChanged',
    ]);
    expect(BigInt(await headPosition(baseUrl))).toBe(head + 2n);
    expect(await sendCommand(baseUrl, qualify)).toEqual(replies[0]);
  });

  it('one Idempotency-Key from 50 clients with two different bodies: one body wins, the other is refused', async () => {
    const contactId = 'C-race-bodies';
    await accepted(baseUrl, {
      type: 'RegisterContact',
      key: 'race-bodies-register',
      body: { contactId, lastName: 'Bodies', source: 'web' },
    });
    const head = BigInt(await headPosition(baseUrl));
    const consent = (granted: boolean): Command => ({
      type: 'RecordConsent',
      key: 'race-bodies-consent',
      body: { contactId, channel: 'sms', granted },
    });

    const replies = await Promise.all(
      Array.from({ length: 50 }, async (_, client) => {
        const granted = client % 2 === 0;
        return { granted, ...(await sendCommand(baseUrl, consent(granted))) };
      }),
    );

    // Whichever body came first wins: every request with it gets the one answer, every other 422.
    const winner = replies.find(({ status }) => status === 201)!;
    const outcomes = replies.map(({ granted, status, body }) =>
      granted === winner.granted
        ? { granted, status, body: JSON.stringify(body) }
        : { granted, status, code: hasCode(body, 'IDEMPOTENCY_KEY_REUSED') },
    );
    expect(outcomes).toEqual(
      replies.map(({ granted }) =>
        granted === winner.granted
          ? { granted, status: 201, body: JSON.stringify(winner.body) }
          : { granted, status: 422, code: true },
      ),
    );
    expect(BigInt(await headPosition(baseUrl))).toBe(head + 1n);
    const stored = (await readStreams(baseUrl, [`contact-${contactId}`])).get(
      `contact-${contactId}`,
    )!;
    expect(stored[stored.length - 1]!.data.granted).toBe(winner.granted);
  });
});

function hasCode(body: unknown, code: string): boolean {
  return (body as { code?: unknown } | undefined)?.code === code;
}

/** The mixed race's world refuses by a business rule (a closed deal or ticket) or a stale If-Match. */
const ALLOWED_REFUSALS = ['422 RULE_VIOLATED', '409 CONCURRENCY_CONFLICT with If-Match'];

function refusalKind(command: Command, status: number, body: unknown): string {
  const code = (body as { code?: unknown } | undefined)?.code;
  const pinned = command.ifMatch === undefined ? '' : ' with If-Match';
  const kind = `${status} ${String(code)}${status === 409 ? pinned : ''}`;
  return ALLOWED_REFUSALS.includes(kind)
    ? kind
    : `${kind}: ${command.type} ${JSON.stringify(command.body)}`;
}
