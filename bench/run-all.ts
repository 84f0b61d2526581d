// npm run bench — every benchmark scenario, one after another, each in its own process (so one
// scenario's heap and caches do not colour the next, and its peak RSS is its own), then the
// whole output as one Markdown report in docs/bench-report.md, headed with the date, the machine
// and the commit. docs/benchmarks.md explains and keeps the figures over time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

interface Scenario {
  name: string;
  file: string;
  what: string;
  /** Settings of this scenario's run; the environment still overrides them. */
  env?: Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  { name: 'append', file: 'append.bench.ts', what: 'Append path: port vs raw SQLite vs Emmett' },
  { name: 'http', file: 'http.bench.ts', what: 'Commands over HTTP (autocannon, 64 clients)' },
  {
    name: 'project',
    file: 'project.bench.ts',
    what: 'Projection catch-up from position 0',
    // One million events: the synthetic history of 100,000 contacts (bench/scale), generated
    // once through the real pipeline (about 20 minutes here) and reused by later runs.
    env: { BENCH_SCALE_CONTACTS: '100000' },
  },
  { name: 'views', file: 'views.bench.ts', what: 'View latency at 100,000 contacts' },
  { name: 'audit', file: 'audit.bench.ts', what: 'Audit: as-of replay of one customer' },
  { name: 'queue', file: 'queue.bench.ts', what: 'Command queue (BullMQ) against HTTP' },
  {
    name: 'feed',
    file: 'feed.bench.ts',
    what: 'Change feed read rate and webhook delivery latency',
  },
];
const ROOT = join(__dirname, '..');
const TIME = '/usr/bin/time';
const PEAK_LINE = /^peak RSS (\d+) KiB\n?/gm;

function selected(): Scenario[] {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  return only ? SCENARIOS.filter(({ name }) => only.includes(name)) : SCENARIOS;
}

/** Runs one scenario, echoing its output; resolves with the output and the peak RSS in MiB. */
function run(scenario: Scenario): Promise<{ output: string; peakMiB?: number; ok: boolean }> {
  const script = ['-r', '@swc-node/register', join('bench', scenario.file)];
  // GNU time reports the child's peak RSS (the benchmark process itself, not servers it starts).
  const [command, args] = existsSync(TIME)
    ? [TIME, ['-f', 'peak RSS %M KiB', process.execPath, ...script]]
    : [process.execPath, script];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...scenario.env, ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    errors += text;
    process.stderr.write(text.replace(PEAK_LINE, ''));
  });
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      // GNU time prints its line last; a chunk may have split it, so it is read from the whole.
      const kib = [...errors.matchAll(PEAK_LINE)].at(-1)?.[1];
      const peakMiB = kib === undefined ? undefined : Math.round(Number(kib) / 1024);
      resolve({ output, peakMiB, ok: code === 0 });
    }),
  );
}

function header(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
    .toString()
    .trim();
  const cpu = cpus();
  return [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}.`,
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. ` +
      'Explanations and earlier runs: [benchmarks.md](benchmarks.md).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  // The HTTP scenario runs the built API, as `npm start` does.
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const sections = [header()];
  let failed = 0;
  for (const scenario of selected()) {
    console.log(`\n## ${scenario.what} (bench/${scenario.file})\n`);
    const { output, peakMiB, ok } = await run(scenario);
    if (!ok) failed += 1;
    sections.push(
      `## ${scenario.what}`,
      '',
      `\`bench/${scenario.file}\`${ok ? '' : ' — FAILED'}; ` +
        `peak RSS of the benchmark process: ${peakMiB === undefined ? 'n/a' : `${peakMiB} MiB`}.`,
      '',
      output.trim(),
      '',
    );
  }
  const report = join(ROOT, 'docs', 'bench-report.md');
  writeFileSync(report, `${sections.join('\n')}\n`);
  // Formatted like every other file, so `npm run check` passes on a committed report.
  execFileSync('npx', ['prettier', '--write', report], { cwd: ROOT, stdio: 'ignore' });
  console.log(`\nReport written to docs/bench-report.md`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
