import { getJson, projectionsReport } from '../../support/admin-client';

/** One key per role, for a server started with `serverEnv`. */
export const TOKENS = {
  service: 'svc-token',
  analyst: 'ana-token',
  auditor: 'aud-token',
  admin: 'adm-token',
} as const;

/** The API on the embedded stores and in-process timers in `dataDir`, whatever the shell exports. */
export function serverEnv(dataDir: string): Record<string, string> {
  return {
    REDIS_URL: '',
    MONGO_URL: '',
    EVENTSTORE_URL: '',
    CHRONICLE_DATA_DIR: dataDir,
    CHRONICLE_API_KEYS: Object.entries(TOKENS)
      .map(([role, token]) => `${token}=${role}`)
      .join(';'),
  };
}

export interface Command {
  type: string;
  body: Record<string, unknown>;
  /** The Idempotency-Key, which is also the command id stored in every event's metadata. */
  key: string;
  ifMatch?: number;
}

export interface CommandAnswer {
  commandId: string;
  streamId: string;
  revision: number;
  position: string;
  events: Array<{ eventId: string; type: string }>;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** Sends a command as a service would; a dead connection rejects (the caller decides what it means). */
export async function sendCommand(baseUrl: string, command: Command): Promise<Reply> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${TOKENS.service}`,
    'Content-Type': 'application/json',
    'Idempotency-Key': command.key,
  };
  if (command.ifMatch !== undefined) headers['If-Match'] = String(command.ifMatch);
  const response = await fetch(`${baseUrl}/commands/${command.type}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(command.body),
  });
  return { status: response.status, body: await response.json() };
}

/** Sends a command that must be accepted (a test's given), failing loudly otherwise. */
export async function accepted(baseUrl: string, command: Command): Promise<CommandAnswer> {
  const reply = await sendCommand(baseUrl, command);
  if (reply.status !== 201) {
    throw new Error(`${command.type} ${command.key} answered ${describeReply(reply)}`);
  }
  return reply.body as CommandAnswer;
}

/** The event store's head position, as GET /admin/projections reports it. */
export async function headPosition(baseUrl: string): Promise<string> {
  return (await projectionsReport(baseUrl, TOKENS.admin)).headPosition;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: { commandId: string; occurredAt: string };
}

const PAGE = 1000;

/** A whole stream, paged through GET /audit/streams/{id} (at most 1000 events a page). */
export async function readStream(baseUrl: string, streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const path = `/audit/streams/${encodeURIComponent(streamId)}?from=${events.length}&limit=${PAGE}`;
    const { status, body } = await getJson<{ events: StoredEvent[] }>(
      baseUrl,
      path,
      TOKENS.auditor,
    );
    if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
    events.push(...body.events);
    if (body.events.length < PAGE) return events;
  }
}

/** Reads many streams, a few at a time: enough to keep the server busy, not to swamp it. */
export async function readStreams(
  baseUrl: string,
  streamIds: readonly string[],
): Promise<Map<string, StoredEvent[]>> {
  const streams = new Map<string, StoredEvent[]>();
  const queue = [...streamIds];
  const reader = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      streams.set(id, await readStream(baseUrl, id));
    }
  };
  await Promise.all(Array.from({ length: 8 }, reader));
  return streams;
}

export function describeReply(reply: Reply): string {
  return `${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
}
