// node -r @swc-node/register bench/metrics.bench.ts — what the metrics cost on the request path:
// observations per second of the HTTP latency histogram labelled by route and status class, the
// whole onResponse hook (counter and histogram), and one scrape of the registry they fill.
// BENCH_OBSERVATIONS sets the observations per scenario (default 2,000,000).
import { ChronicleMetrics } from '../apps/api/src/metrics/chronicle-metrics';
import { formatRate, printTable } from './bench-support';

const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 2_000_000);

// About as many route templates as the API serves, and the status classes they answer with.
const ROUTES = Array.from({ length: 40 }, (_, index) => `/route-${index}/:id`);
const STATUSES = ['2xx', '4xx', '5xx'];
const LABELS = ROUTES.flatMap((route) =>
  STATUSES.map((status) => ({ method: 'GET', route, status })),
);

// Latencies spread over the buckets, so each observation walks a realistic part of them.
const LATENCIES = Array.from({ length: 1024 }, (_, index) => 0.0002 * 1.01 ** index);

function perSecond(observations: number, work: (index: number) => void): number {
  const warmUp = Math.min(100_000, observations);
  for (let index = 0; index < warmUp; index += 1) work(index);
  const started = process.hrtime.bigint();
  for (let index = 0; index < observations; index += 1) work(index);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return observations / seconds;
}

async function main(): Promise<void> {
  const metrics = new ChronicleMetrics();
  const labelsOf = (index: number) => LABELS[index % LABELS.length]!;
  const latencyOf = (index: number) => LATENCIES[index % LATENCIES.length]!;

  const histogram = perSecond(OBSERVATIONS, (index) =>
    metrics.httpDuration.observe(labelsOf(index), latencyOf(index)),
  );
  const hook = perSecond(OBSERVATIONS, (index) => {
    const labels = labelsOf(index);
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, latencyOf(index));
  });

  const scrapes = 50;
  const started = performance.now();
  let bytes = 0;
  for (let scrape = 0; scrape < scrapes; scrape += 1) {
    bytes = (await metrics.registry.metrics()).length;
  }
  const scrapeMs = (performance.now() - started) / scrapes;

  console.log(
    `${LABELS.length} label sets (${ROUTES.length} routes x ${STATUSES.length} status classes), ` +
      `${formatRate(OBSERVATIONS)} observations per scenario, Node ${process.version}`,
  );
  printTable(
    ['what', 'per second', 'per call'],
    [
      [
        'histogram.observe (route, status)',
        formatRate(histogram),
        `${(1e9 / histogram).toFixed(0)} ns`,
      ],
      [
        'onResponse: counter.inc + histogram.observe',
        formatRate(hook),
        `${(1e9 / hook).toFixed(0)} ns`,
      ],
      [
        `scrape (registry.metrics(), ${Math.round(bytes / 1024)} KiB)`,
        formatRate(1000 / scrapeMs),
        `${scrapeMs.toFixed(2)} ms`,
      ],
    ],
  );
}

void main();
