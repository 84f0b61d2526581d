// npm run bench:http — commands over HTTP: the built API (`npm start`) in its own process on
// embedded defaults, loaded by autocannon from this process with 64 connections. Baselines in the
// same run: a bare node:http server (the transport's ceiling on this machine) and GET /health on
// the same API (the framework's per-request cost, reading only the stores' heads). Server CPU per
// request is read from /proc: unlike rates, it hardly moves when other work shares the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { listeningUrl } from '../apps/api/test/support/server-process';
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
        HOST: '127.0.0.1',
        CHRONICLE_DATA_DIR: dataDir,
        CHRONICLE_API_KEYS: `${SERVICE_TOKEN}=service,admin`,
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return listeningServer(child);
}

async function listeningServer(child: ChildProcess): Promise<Server> {
  return { child, baseUrl: await listeningUrl(child) };
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

/** A bare node:http server answering a fixed JSON body: the transport's own ceiling here. */
function startBareServer(): Promise<Server> {
  const script =
    "const s=require('node:http').createServer((q,r)=>{r.setHeader('content-type','application/json');" +
    "r.end('{\"status\":\"ok\"}')});s.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+s.address().port+' '))";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return listeningServer(child);
}

interface Measured extends LoadResult {
  label: string;
  /** Server CPU (user + system) per request: load-independent on a shared machine. */
  cpuMicros: number;
}

async function measure(
  label: string,
  server: Server,
  requests: autocannon.Request[] | undefined,
  path: string,
): Promise<Measured> {
  const cpuBefore = await cpuMsOf(server.child);
  const result = await load(server.baseUrl, requests, path);
  const cpuMicros = (((await cpuMsOf(server.child)) - cpuBefore) * 1000) / result.total;
  return { label, cpuMicros, ...result };
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const gone = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await gone;
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` first');
  const bare = await startBareServer();
  const transport = await measure('bare node:http, fixed body', bare, undefined, '/');
  await stop(bare);

  const dataDir = freshDirectory('http');
  const server = await startServer(dataDir);
  try {
    const health = await measure('GET /health', server, undefined, '/health');
    const mix = commandMix();
    // Contacts the other commands of the mix refer to: registered before the clock starts.
    await load(server.baseUrl, [asAutocannonRequest(mix.warmUp)], '/', WARM_UP_CONTACTS);
    const commands = await measure('command mix', server, [asAutocannonRequest(mix.next)], '/');
    const rss = await peakRssOf(server.child);
    printTable(
      ['load', 'requests/s', 'p50', 'p99', 'server CPU per request', 'non-2xx or errors'],
      [transport, health, commands].map((result) => [
        result.label,
        formatRate(result.perSecond),
        `${result.p50} ms`,
        `${result.p99} ms`,
        `${Math.round(result.cpuMicros)} µs`,
        String(result.non2xx + result.errors),
      ]),
    );
    console.log(
      `\ncommands / bare transport: ${percent(commands.perSecond, transport.perSecond)}` +
        `; GET /health / bare transport: ${percent(health.perSecond, transport.perSecond)}` +
        `; commands / GET /health: ${percent(commands.perSecond, health.perSecond)}` +
        `\n${CONNECTIONS} connections, ${SECONDS} s each; mix: ${mix.describe()}` +
        `; Chronicle peak RSS ${rss ?? '?'} MiB`,
    );
    if (commands.non2xx + commands.errors > 0) {
      console.error('answers by status:', commands.statusCodes, 'errors:', commands.errors);
      process.exitCode = 1;
    }
  } finally {
    await stop(server);
    removeDirectory(dataDir);
  }
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
