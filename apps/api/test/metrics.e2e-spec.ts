import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';
import { promtool, promtoolTest } from '../src/metrics/testing/promtool';

const infra = join(__dirname, '../../../infra');

/** `name → type` of every family a Prometheus text answer announces. */
function familiesOf(text: string): Map<string, string> {
  const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)];
  return new Map(types.map(([, name, type]) => [name!, type!]));
}

/** The metric names a set of PromQL expressions reads (ours and Node's). */
function metricNamesIn(expressions: readonly string[]): string[] {
  const names = expressions.flatMap((expression) => [
    ...expression.matchAll(/\b(?:chronicle|nodejs|process)_[a-z0-9_]+/g),
  ]);
  return [...new Set(names.map(([name]) => name))].sort();
}

/** A histogram is read through its `_bucket`, `_sum` and `_count` series. */
function isServed(name: string, families: ReadonlyMap<string, string>): boolean {
  if (families.has(name)) return true;
  const histogram = /^(.+)_(bucket|sum|count)$/.exec(name)?.[1];
  return histogram !== undefined && families.get(histogram) === 'histogram';
}

describe('GET /metrics', () => {
  let api: ApiHarness;
  let text: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    const registered = await api.accepted('RegisterContact', {
      contactId: 'C-1',
      lastName: 'Lovelace',
    });
    const again = await api.send('RegisterContact', { contactId: 'C-1', lastName: 'Byron' });
    expect(again.status).toBe(409);
    expect((await api.send('InventedCommand-C-9', {})).status).toBe(404);
    const view = await api.request(`/views/customers/C-1?minPosition=${registered.position}`, {
      token: TOKENS.analyst,
    });
    expect(view.status).toBe(200);
    const response = await fetch(`${api.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TOKENS.admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await response.text();
  });
  afterAll(() => api.close());

  it('answers Prometheus text to an admin: head, projection positions and lag, HTTP counts', () => {
    expect(text).toMatch(/^chronicle_event_store_head_position 1$/m);
    expect(text).toMatch(/^chronicle_projection_lag\{projection="pipeline"\} \d+$/m);
    expect(text).toMatch(
      /^chronicle_http_requests_total\{method="POST",route="\/commands\/:type",status="2xx"\} 1$/m,
    );
  });

  it('times HTTP answers by route template and status class, never by path', () => {
    expect(text).toMatch(
      /^chronicle_http_request_duration_seconds_count\{method="GET",route="\/views\/customers\/:contactId",status="2xx"\} 1$/m,
    );
    expect(text).toMatch(
      /^chronicle_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/commands\/:type",status="4xx"\} 2$/m,
    );
    // Neither the contact id nor the invented command name of a path becomes a label value.
    expect(text).not.toContain('C-1');
    expect(text).not.toContain('C-9');
  });

  it('times commands by type and outcome; an unknown type is one series', () => {
    expect(text).toMatch(
      /^chronicle_command_duration_seconds_count\{command="RegisterContact",outcome="accepted"\} 1$/m,
    );
    expect(text).toMatch(
      /^chronicle_command_duration_seconds_count\{command="RegisterContact",outcome="ALREADY_EXISTS"\} 1$/m,
    );
    expect(text).toMatch(
      /^chronicle_command_duration_seconds_count\{command="unknown",outcome="UNKNOWN_COMMAND"\} 1$/m,
    );
    expect(text).toMatch(/^chronicle_commands_in_flight 0$/m);
  });

  it('counts appends, their size and the events written by type', () => {
    expect(text).toMatch(/^chronicle_event_store_append_seconds_count\{outcome="written"\} 1$/m);
    expect(text).toMatch(/^chronicle_event_store_append_events_sum 1$/m);
    expect(text).toMatch(/^chronicle_events_appended_total\{type="ContactRegistered"\} 1$/m);
    expect(text).toMatch(/^chronicle_event_store_appends_in_flight 0$/m);
  });

  it('times projection commits: the view read above waited for at least one', () => {
    const commits = /^chronicle_projection_commit_seconds_count\{outcome="committed"\} (\d+)$/m;
    expect(Number(commits.exec(text)?.[1])).toBeGreaterThan(0);
  });

  it("serves Node's default metrics, without the gauges promtool refuses for their _total", () => {
    const families = familiesOf(text);
    expect(families.get('process_cpu_seconds_total')).toBe('counter');
    expect(families.get('nodejs_eventloop_lag_p99_seconds')).toBe('gauge');
    expect(families.get('nodejs_active_handles')).toBe('gauge');
    const gaugesNamedTotal = [...families].filter(
      ([name, type]) => type !== 'counter' && name.endsWith('_total'),
    );
    expect(gaugesNamedTotal).toEqual([]);
  });

  promtoolTest('passes promtool check metrics', () => {
    const check = promtool(['check', 'metrics'], text);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('the dashboard and the alert rules read only series this answer serves', () => {
    const dashboard = JSON.parse(readFileSync(join(infra, 'grafana/chronicle.json'), 'utf8')) as {
      panels: Array<{ targets?: Array<{ expr: string }> }>;
    };
    const panelExpressions = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => target.expr),
    );
    const rules = readFileSync(join(infra, 'prometheus/alerts.yml'), 'utf8');
    const ruleExpressions = [...rules.matchAll(/expr: ([^\n]+(?:\n {10,}[^\n]+)*)/g)].map(
      ([, expression]) => expression!,
    );
    const families = familiesOf(text);
    const read = metricNamesIn([...panelExpressions, ...ruleExpressions]);
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((name) => !isServed(name, families))).toEqual([]);
  });

  it('refuses callers without a key (401) and keys without the admin role (403)', async () => {
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(401);
    const analyst = await fetch(`${api.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}` },
    });
    expect(analyst.status).toBe(403);
  });
});

describe('the Prometheus files in infra/', () => {
  const prometheus = join(infra, 'prometheus');

  promtoolTest('alerts.yml passes promtool check rules', () => {
    const check = promtool(['check', 'rules', join(prometheus, 'alerts.yml')]);
    expect(check.output).toContain('SUCCESS');
    expect(check.status).toBe(0);
  });

  promtoolTest(
    'every alert fires on its trouble and not on its neighbours (promtool test rules)',
    () => {
      const test = promtool(['test', 'rules', 'alerts.test.yml'], undefined, prometheus);
      expect(test.output).toContain('SUCCESS');
      expect(test.status).toBe(0);
    },
  );

  promtoolTest('prometheus.yml is a valid configuration', () => {
    const check = promtool(
      ['check', 'config', '--syntax-only', 'prometheus.yml'],
      undefined,
      prometheus,
    );
    expect(check.status).toBe(0);
  });
});
