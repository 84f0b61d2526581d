import type { CommandRequest } from '@chronicle/application';
import { validateIdempotencyKey } from '@chronicle/application';
import {
  type FieldProblem,
  toErrorResponse,
  validationFailed,
  type ErrorBody,
} from '@chronicle/platform';

/** The command queue (docs/queues.md), under BullMQ's default prefix. */
export const COMMAND_QUEUE_NAME = 'chronicle-commands';

/**
 * The idempotency scope of a queue's jobs: the queue itself. Whoever writes to it is one trusted
 * service, so its producers keep their job ids apart (`<actor>.<key>`); HTTP callers never share it.
 */
export function queueIdempotencyScope(queueName: string): string {
  return `queue:${queueName}`;
}
export const COMMAND_QUEUE_PREFIX = 'bull';

/** A job of `chronicle-commands`: its name is the command type, its data this. */
export interface CommandJobData {
  payload: unknown;
  idempotencyKey?: string;
  expectedRevision?: number;
  correlationId?: string;
  /** The producing service, recorded as the events' actor with the `service` role. */
  actor: string;
}

/** The parts of a BullMQ job the translation reads. */
export interface CommandJob {
  id?: string;
  name: string;
  data: unknown;
  /** Creation time in ms: with the id, it names an id-less job across Redis flushes. */
  timestamp: number;
}

const ACTOR_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The pipeline request of a queued command, or VALIDATION_FAILED naming what is wrong with the
 * job itself. The job id is the idempotency key; a job added without one gets a key derived from
 * its id and creation time, so a retry of the job is still recognised.
 */
export function commandRequestOf(
  job: CommandJob,
  queueName: string = COMMAND_QUEUE_NAME,
): CommandRequest {
  const problems: FieldProblem[] = [];
  const data = (typeof job.data === 'object' && job.data !== null ? job.data : {}) as Partial<
    Record<keyof CommandJobData, unknown>
  >;
  const problem = (field: string, text: string) => problems.push({ field, problems: [text] });

  const actor = data.actor;
  if (typeof actor !== 'string' || !ACTOR_PATTERN.test(actor)) {
    problem('actor', 'actor must name the producing service: 1–128 of A-Z a-z 0-9 _ . : -');
  }
  const idempotencyKey = idempotencyKeyOf(job, data.idempotencyKey, problem);
  const expectedRevision = data.expectedRevision;
  if (
    expectedRevision !== undefined &&
    !(Number.isSafeInteger(expectedRevision) && (expectedRevision as number) >= 0)
  ) {
    problem('expectedRevision', 'expectedRevision must be a non-negative integer');
  }
  const correlationId = data.correlationId;
  if (correlationId !== undefined && (typeof correlationId !== 'string' || correlationId === '')) {
    problem('correlationId', 'correlationId must be a non-empty string');
  }
  if (problems.length > 0) throw validationFailed(problems, 'Invalid command job');

  return {
    type: job.name,
    body: data.payload,
    idempotencyKey,
    idempotencyScope: queueIdempotencyScope(queueName),
    ...(expectedRevision !== undefined && { expectedRevision: expectedRevision as number }),
    correlationId:
      (correlationId as string | undefined) ?? `${COMMAND_QUEUE_NAME}.${idempotencyKey}`,
    actor: { id: actor as string, roles: ['service'] },
  };
}

function idempotencyKeyOf(
  job: CommandJob,
  given: unknown,
  problem: (field: string, text: string) => void,
): string {
  const customId = job.id !== undefined && !/^\d+$/.test(job.id) ? job.id : undefined;
  if (given !== undefined) {
    if (typeof given !== 'string' || !validateIdempotencyKey(given)) {
      problem('idempotencyKey', 'must be 1–100 of A-Z a-z 0-9 _ . - and not all digits');
      return '';
    }
    if (customId !== undefined && customId !== given) {
      problem('idempotencyKey', 'the job id must be the idempotency key');
    }
    return given;
  }
  if (customId === undefined) return `job-${job.id ?? 'none'}-${job.timestamp}`;
  if (!validateIdempotencyKey(customId)) {
    problem('jobId', 'a job id is the idempotency key: 1–100 of A-Z a-z 0-9 _ . -');
  }
  return customId;
}

/** How a failed command ends its job: refused at once, or retried by BullMQ. */
export interface CommandJobFailure {
  /** True for transient failures (5xx: UNAVAILABLE, NOT_CAUGHT_UP, INTERNAL). */
  retry: boolean;
  /** The error body the HTTP API would answer; the job's failedReason is its JSON. */
  body: ErrorBody;
}

/** Refusals (400, 404, 409, 422) are final whatever `attempts` the producer set. */
export function commandJobFailure(error: unknown): CommandJobFailure {
  const { body } = toErrorResponse(error);
  return { retry: body.statusCode >= 500, body };
}
