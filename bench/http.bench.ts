// npm run bench:http — commands over HTTP: the built API (`npm start`) in its own process on
// embedded defaults, loaded by autocannon from this process with 64 connections. Baseline in the
// same run: GET /health on the same server, the HTTP stack's own ceiling for an authenticated
// request that touches no store.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { commandMix, type MixRequest, WARM_UP_CONTACTS } from './http/command-mix';
import { freshDirectory, formatRate, printTable, removeDirectory } from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SERVICE_TOKEN = 'bench-service-token';
const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

interface Server {
  child: ChildProcess;
  baseUrl: string;
}

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
        : []),
      MAIN,
    ],
    {
      env: {
        ...process.env,
        PORT: '0',
        CHRONICLE_DATA_DIR: dataDir,
        CHRONICLE_API_KEYS: `${SERVICE_TOKEN}=service,admin`,
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const listening = /listening on (http:\/\/\S+?)[\s"]/.exec(buffered);
      if (!listening) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ child, baseUrl: listening[1]! });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`API exited with ${String(code)}`)));
  });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
async function cpuMsOf(child: ChildProcess): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
  // Fields after the command name's closing parenthesis; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Peak RSS of a child process, read from /proc before it ends (Linux). */
async function peakRssOf(child: ChildProcess): Promise<number | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kib === undefined ? undefined : Math.round(Number(kib) / 1024);
  } catch {
    return undefined;
  }
}

interface LoadResult {
  perSecond: number;
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

async function load(
  baseUrl: string,
  requests: autocannon.Request[] | undefined,
  path: string,
  amount?: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: CONNECTIONS,
    ...(amount === undefined ? { duration: SECONDS } : { amount }),
    headers: { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' },
    requests,
  });
  return {
    perSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
    ),
    errors: result.errors + result.timeouts,
  };
}

function asAutocannonRequest(next: () => MixRequest): autocannon.Request {
  return {
    setupRequest: (request) => {
      const { path, body, idempotencyKey } = next();
      return {
        ...request,
        method: 'POST',
        path,
        body: JSON.stringify(body),
        headers: { ...request.headers, 'idempotency-key': idempotencyKey },
      };
    },
  };
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` first');
  const dataDir = freshDirectory('http');
  const server = await startServer(dataDir);
  try {
    const cpuAtStart = await cpuMsOf(server.child);
    const health = await load(server.baseUrl, undefined, '/health');
    const cpuPerHealthMs = ((await cpuMsOf(server.child)) - cpuAtStart) / health.total;
    const mix = commandMix();
    // Contacts the other commands of the mix refer to: registered before the clock starts.
    await load(server.baseUrl, [asAutocannonRequest(mix.warmUp)], '/', WARM_UP_CONTACTS);
    const cpuBefore = await cpuMsOf(server.child);
    const commands = await load(server.baseUrl, [asAutocannonRequest(mix.next)], '/');
    // Server CPU per command, load-independent on a shared machine: what one core can sustain.
    const cpuPerCommandMs = ((await cpuMsOf(server.child)) - cpuBefore) / commands.total;
    const rss = await peakRssOf(server.child);
    const row = (label: string, result: LoadResult): string[] => [
      label,
      formatRate(result.perSecond),
      `${result.p50} ms`,
      `${result.p99} ms`,
      String(result.non2xx + result.errors),
    ];
    printTable(
      ['load', 'requests/s', 'p50', 'p99', 'non-2xx or errors'],
      [row('GET /health (baseline)', health), row('command mix', commands)],
    );
    console.log(
      `\ncommands / baseline: ${Math.round((100 * commands.perSecond) / health.perSecond)}%` +
        `; ${CONNECTIONS} connections, ${SECONDS} s each; mix: ${mix.describe()}` +
        `; server CPU ${(cpuPerCommandMs * 1000).toFixed(0)} µs per command` +
        ` (${(cpuPerHealthMs * 1000).toFixed(0)} µs per /health)` +
        `; server peak RSS ${rss ?? '?'} MiB`,
    );
    if (commands.non2xx + commands.errors > 0) {
      console.error('answers by status:', commands.statusCodes, 'errors:', commands.errors);
      process.exitCode = 1;
    }
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    removeDirectory(dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
