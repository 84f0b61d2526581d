import type { ApiHarness } from '../../../src/commands/testing/api-harness';
import { contractBreach } from './contract-errors';
import { headPosition, prototypeIsPolluted } from './event-store-head';
import { type RawAnswer, type RawRequest, describeAnswer, rawRequest } from './raw-http';

/**
 * Sends one command and judges the answer against every property at once: no 5xx, the CONTRACT
 * error shape on a 4xx, nothing appended on a 4xx, a 201 that names its events, no pollution.
 * Requests run one at a time, so the head read before and after brackets this command alone.
 */
export async function sendAndJudge(
  api: ApiHarness,
  type: string,
  request: RawRequest,
  describeCase: () => string,
): Promise<RawAnswer> {
  const before = await headPosition(api);
  const answer = await rawRequest(api, `/commands/${type}`, { method: 'POST', ...request });
  const after = await headPosition(api);
  const problem =
    contractBreach(answer) ??
    (answer.status >= 400 && after !== before
      ? `a ${answer.status} that appended (head ${before} → ${after})`
      : undefined) ??
    (answer.status === 201 && !isCommandResult(answer.json)
      ? `a 201 without the CONTRACT result: ${describeAnswer(answer)}`
      : undefined) ??
    (prototypeIsPolluted() ? 'Object.prototype was polluted' : undefined);
  if (problem) throw new Error(`${problem}\n  for ${describeCase()}`);
  return answer;
}

function isCommandResult(body: unknown): boolean {
  const result = body as Record<string, unknown> | undefined;
  return (
    typeof result?.commandId === 'string' &&
    typeof result.streamId === 'string' &&
    typeof result.revision === 'number' &&
    typeof result.position === 'string' &&
    Array.isArray(result.events)
  );
}
