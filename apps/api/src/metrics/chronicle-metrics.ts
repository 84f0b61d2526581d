import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * prom-client's defaults also export these three as gauges named `_total`, which Prometheus keeps
 * for counters (`promtool check metrics` refuses them). Each equals the sum of the per-type gauge
 * without the suffix (`sum(nodejs_active_handles)`), so they are dropped rather than renamed.
 */
export const DROPPED_DEFAULT_METRICS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
] as const;

/** Latencies from a cached read (sub-millisecond) to a slow fsync or a timed-out wait (seconds). */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * The instruments of one process, with Node's default metrics, in a registry of their own (never
 * prom-client's global one, which other code in the process could fill).
 */
export class ChronicleMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'chronicle_http_requests_total',
    help: 'HTTP requests answered by this process, by method, route template and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'chronicle_http_request_duration_seconds',
    help: 'Time from the first byte of a request to its answer sent, by route template and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'chronicle_command_duration_seconds',
    help: 'Time a command spends in the pipeline (validate, load, decide, append), by type and outcome.',
    labelNames: ['command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commandsInFlight = new Gauge({
    name: 'chronicle_commands_in_flight',
    help: 'Commands in the pipeline now, queued behind their stream lock or the group commit.',
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'chronicle_event_store_append_seconds',
    help: 'Time from an append handed to the event store until it is durable or refused, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appendSize = new Histogram({
    name: 'chronicle_event_store_append_events',
    help: 'Events in one append.',
    buckets: [1, 2, 3, 5, 10, 20, 50, 100, 500],
    registers: [this.registry],
  });

  readonly appendsInFlight = new Gauge({
    name: 'chronicle_event_store_appends_in_flight',
    help: 'Appends waiting for the event store: the group commit queue and the batch being synced.',
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'chronicle_events_appended_total',
    help: 'Events written to the event store by this process, by event type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly slaBreaches = new Counter({
    name: 'chronicle_sla_breaches_total',
    help: 'SLA breaches recorded by this process, by target.',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });

  readonly projectionCommitDuration = new Histogram({
    name: 'chronicle_projection_commit_seconds',
    help: 'Time to commit one page of projection batches (writes and checkpoints) to the read store.',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionCommitWrites = new Histogram({
    name: 'chronicle_projection_commit_writes',
    help: 'Read-model documents written or deleted by one commit of projection batches.',
    buckets: [0, 1, 10, 100, 1000, 10000, 100000],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    for (const name of DROPPED_DEFAULT_METRICS) this.registry.removeSingleMetric(name);
  }
}

/**
 * One set per process, as there is one process: the Fastify hook and every app's instrumentation
 * observe into it (tests that start several apps in one process add up their figures).
 */
export const chronicleMetrics = new ChronicleMetrics();
