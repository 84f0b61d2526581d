import { getJson } from '../../support/admin-client';
import {
  type Command,
  type CommandAnswer,
  describeReply,
  sendCommand,
  TOKENS,
} from './chronicle-client';

export interface WriterResult {
  writer: number;
  /** Every attempt's command (each with its own key) and answer, in order. */
  attempts: Array<{ command: Command; status: number; body: unknown }>;
  /** The accepted attempt's answer; undefined when the writer never got one. */
  accepted?: CommandAnswer;
}

/**
 * A writer that sends once, without If-Match: the server must put it in order among the others.
 */
export async function unpinnedWriter(
  baseUrl: string,
  writer: number,
  command: Command,
): Promise<WriterResult> {
  const reply = await sendCommand(baseUrl, command);
  return {
    writer,
    attempts: [{ command, ...reply }],
    accepted: reply.status === 201 ? (reply.body as CommandAnswer) : undefined,
  };
}

/**
 * An optimistic writer: it reads the stream's last revision, sends its command pinned to it
 * (If-Match), and on 409 reads again and retries under a fresh key, until it is accepted.
 * `maxAttempts` only bounds a server that would refuse forever.
 */
export async function pinnedWriter(
  baseUrl: string,
  writer: number,
  tail: StreamTail,
  commandAt: (attempt: number, revision: number) => Command,
  maxAttempts = 500,
): Promise<WriterResult> {
  const result: WriterResult = { writer, attempts: [] };
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const command = commandAt(attempt, await tail.lastRevision());
    const reply = await sendCommand(baseUrl, command);
    result.attempts.push({ command, ...reply });
    if (reply.status === 201) return { ...result, accepted: reply.body as CommandAnswer };
    if (reply.status !== 409) throw new Error(`${command.key}: ${describeReply(reply)}`);
  }
  return result;
}

/**
 * The last revision of one stream, as its writers learn it: each read asks only for the events
 * after the highest revision any of them has seen.
 */
export class StreamTail {
  private known = -1;

  constructor(
    private readonly baseUrl: string,
    readonly streamId: string,
  ) {}

  async lastRevision(): Promise<number> {
    for (;;) {
      const path = `/audit/streams/${encodeURIComponent(this.streamId)}?from=${this.known + 1}&limit=1000`;
      const { status, body } = await getJson<{ events: Array<{ revision: number }> }>(
        this.baseUrl,
        path,
        TOKENS.auditor,
      );
      if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
      const last = body.events[body.events.length - 1];
      if (last) this.known = Math.max(this.known, last.revision);
      if (body.events.length < 1000) return this.known;
    }
  }
}
