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

/** A registry holding `families` as prom-client metrics, for one scrape. */
export function registryOf(families: readonly MetricFamily[]): Registry {
  const registry = new Registry();
  for (const family of families) {
    const used = [...new Set(family.samples.flatMap(({ labels }) => Object.keys(labels ?? {})))];
    // prom-client shows a metric declared without labels as 0 until it is set. A family with no
    // sample yet (no webhook) declares a label it never uses, so it is announced (HELP and TYPE)
    // with no sample, as prom-client's own labelled metrics are before their first observation.
    const labelNames = family.samples.length === 0 ? ['none'] : used;
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
