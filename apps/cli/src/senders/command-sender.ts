import type { PlannedCommand } from '../import/import-plan';

/** The answer to one command: the 201 body's essentials, or the error body of a refusal. */
export type SendOutcome =
  | { ok: true; streamId: string; position: string; events: number }
  | { ok: false; statusCode: number; code: string; message: string };

/**
 * Sends commands through Chronicle's command pipeline, in-process or over HTTP. A refusal
 * (400/404/409/422) is an outcome; anything else (store unavailable, network) throws, because
 * carrying on would only pile up failures: the import is resumable, so the caller re-runs it.
 */
export interface CommandSender {
  send(command: PlannedCommand): Promise<SendOutcome>;
  /** Global position of the last stored event, when the sender can tell (in-process only). */
  headPosition(): Promise<string | undefined>;
  close(): Promise<void>;
}

const REFUSAL_STATUSES: ReadonlySet<number> = new Set([400, 404, 409, 422]);

/** Whether an error answer is the command's own fault (counted) rather than the system's. */
export function isRefusal(statusCode: number): boolean {
  return REFUSAL_STATUSES.has(statusCode);
}
