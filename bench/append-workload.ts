import { randomUUID } from 'node:crypto';

/** The append benchmark's workload, shared by every store it measures so all see the same rows. */
export interface Scenario {
  eventsPerAppend: number;
  writers: number;
}

export const SCENARIOS: Scenario[] = [1, 10, 100].flatMap((eventsPerAppend) =>
  [1, 64].map((writers) => ({ eventsPerAppend, writers })),
);

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

export const sampleData = {
  contactId: 'C-12345',
  stage: 'lead',
  email: 'enc:v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBBBBBB',
};

export const sampleMetadata = {
  commandId: randomUUID(),
  correlationId: randomUUID(),
  actor: 'key:0123abcd',
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
};

export interface BenchEvent {
  eventId: string;
  type: string;
  data: typeof sampleData;
  metadata: typeof sampleMetadata;
}

export function batchOf(count: number): BenchEvent[] {
  return Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: 'LifecycleStageChanged',
    data: sampleData,
    metadata: sampleMetadata,
  }));
}

/** Each writer appends to a stream of its own, as one command per contact would. */
export function streamOfWriter(writer: number): string {
  return `contact-bench-${writer}`;
}
