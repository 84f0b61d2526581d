import { type ApiHarness, TOKENS } from '../../../src/commands/testing/api-harness';
import { rawRequest } from './raw-http';

/** The event store's head position, read over HTTP as an operator would (GET /admin/projections). */
export async function headPosition(api: ApiHarness): Promise<bigint> {
  const answer = await rawRequest(api, '/admin/projections', { token: TOKENS.admin });
  const head = (answer.json as { headPosition?: unknown } | undefined)?.headPosition;
  if (answer.status !== 200 || typeof head !== 'string') {
    throw new Error(`GET /admin/projections answered ${answer.status}: ${answer.text}`);
  }
  return BigInt(head);
}

/** Whether any test-process object picked up a key that a polluting payload would have set. */
export function prototypeIsPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted !== undefined ||
    Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') ||
    Object.prototype.hasOwnProperty.call(Array.prototype, 'polluted')
  );
}
