import { Counter, Gauge, Registry } from 'prom-client';

/** One Prometheus sample of a family: its labels and value. */
export interface Sample {
  labels?: Record<string, string>;
  value: number;
}

/**
 * A family whose samples are read from the application's state at scrape time (projection
 * positions, open feeds, webhook counts), rather than observed as things happen.
 */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: Sample[];
}

export function gauge(name: string, help: string, samples: Sample[]): MetricFamily {
  return { name, help, type: 'gauge', samples };
}

/**
 * A registry holding `families` as prom-client metrics, for one scrape. A family without samples
 * is left out: prom-client would show a metric without labels as a made-up 0.
 */
export function registryOf(families: readonly MetricFamily[]): Registry {
  const registry = new Registry();
  for (const family of families) {
    if (family.samples.length === 0) continue;
    const labelNames = [
      ...new Set(family.samples.flatMap(({ labels }) => Object.keys(labels ?? {}))),
    ];
    const options = { name: family.name, help: family.help, labelNames, registers: [registry] };
    if (family.type === 'gauge') {
      const metric = new Gauge(options);
      for (const { labels = {}, value } of family.samples) metric.set(labels, value);
    } else {
      const metric = new Counter(options);
      for (const { labels = {}, value } of family.samples) metric.inc(labels, value);
    }
  }
  return registry;
}
