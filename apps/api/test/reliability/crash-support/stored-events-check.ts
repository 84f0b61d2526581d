import type { CommandAnswer, StoredEvent } from './chronicle-client';

/**
 * What is wrong with one stream held against the answers given for it (by Idempotency-Key, which
 * the events carry as `metadata.commandId`); an empty list means: revisions 0..n-1, positions
 * rising with them, each answered command's events stored once, in order, where its answer said,
 * and no event of a command nobody was answered for.
 */
export function streamProblems(
  streamId: string,
  stored: readonly StoredEvent[],
  answers: ReadonlyMap<string, CommandAnswer>,
): string[] {
  const problems: string[] = [];
  stored.forEach((event, index) => {
    if (event.revision !== index) {
      problems.push(`${streamId}: event ${index} has revision ${event.revision}`);
    }
    const previous = stored[index - 1];
    if (previous && BigInt(event.position) <= BigInt(previous.position)) {
      problems.push(`${streamId}@${event.revision}: position ${event.position} does not rise`);
    }
  });

  const byCommand = new Map<string, StoredEvent[]>();
  for (const event of stored) {
    const events = byCommand.get(event.metadata.commandId) ?? [];
    events.push(event);
    byCommand.set(event.metadata.commandId, events);
  }
  for (const [key, answer] of answers) {
    const events = byCommand.get(key) ?? [];
    const storedIds = events.map(({ eventId, type }) => `${type}:${eventId}`);
    const answeredIds = answer.events.map(({ eventId, type }) => `${type}:${eventId}`);
    if (storedIds.join() !== answeredIds.join()) {
      problems.push(
        `${streamId}: ${key} answered [${answeredIds.join(', ')}], stored [${storedIds.join(', ')}]`,
      );
      continue;
    }
    const last = events[events.length - 1];
    if (last && (last.revision !== answer.revision || last.position !== answer.position)) {
      problems.push(
        `${streamId}: ${key} answered revision ${answer.revision} at ${answer.position}, ` +
          `stored ${last.revision} at ${last.position}`,
      );
    }
  }
  for (const key of byCommand.keys()) {
    if (!answers.has(key)) problems.push(`${streamId}: events of ${key}, a command never answered`);
  }
  return problems;
}

/**
 * The embedded event store numbers positions densely from 1, so the streams a test wrote after
 * position `after` must hold exactly the positions after it up to `head` between them: a gap is
 * an event outside every stream the test knows of (an append nobody was answered for), a repeat
 * one position claimed twice.
 */
export function globalOrderProblems(
  streams: ReadonlyMap<string, readonly StoredEvent[]>,
  range: { after: string; head: string },
): string[] {
  const after = BigInt(range.after);
  const positions = [...streams.values()]
    .flatMap((events) => events.map((event) => BigInt(event.position)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const problems: string[] = [];
  positions.forEach((position, index) => {
    const expected = after + BigInt(index + 1);
    if (position !== expected) problems.push(`position ${expected} holds no event, or two`);
  });
  if (after + BigInt(positions.length) !== BigInt(range.head)) {
    problems.push(
      `the streams hold ${positions.length} events after ${after}, the head is ${range.head}`,
    );
  }
  return problems.slice(0, 20);
}

/** Answers grouped by the stream they were appended to. */
export function answersByStream(
  answers: ReadonlyMap<string, CommandAnswer>,
): Map<string, Map<string, CommandAnswer>> {
  const byStream = new Map<string, Map<string, CommandAnswer>>();
  for (const [key, answer] of answers) {
    const ofStream = byStream.get(answer.streamId) ?? new Map<string, CommandAnswer>();
    ofStream.set(key, answer);
    byStream.set(answer.streamId, ofStream);
  }
  return byStream;
}
