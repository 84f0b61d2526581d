// node -r @swc-node/register bench/append-commands.ts — the command path in-process, without
// HTTP: the HTTP bench's command mix (every command keyed) through the real pipeline over the
// embedded stores on this disk, with 1 and 64 commands in flight. Prints commands/s, the mean
// latency and the CPU per command. Run it under `strace -f -c -e trace=fsync,fdatasync` to count
// the fsyncs per command (docs/adr/009-one-fsync-per-command-group.md).
import { PipelineFixture } from '../libs/application/src/pipeline/testing/pipeline-fixture';
import { freshDirectory, formatRate, printTable } from './bench-support';
import { commandMix, WARM_UP_CONTACTS } from './http/command-mix';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,64').split(',').map(Number);

interface Measured {
  commands: number;
  seconds: number;
  cpuMicros: number;
  latencyMs: number;
}

function typeOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

async function measure(fixture: PipelineFixture, inFlight: number): Promise<Measured> {
  const mix = commandMix();
  for (let index = 0; index < WARM_UP_CONTACTS; index += 100) {
    await Promise.all(
      Array.from({ length: 100 }, () => {
        const warm = mix.warmUp();
        return fixture.send(typeOf(warm.path), warm.body as Record<string, unknown>, {
          idempotencyKey: warm.idempotencyKey,
        });
      }),
    );
  }
  let commands = 0;
  let latencyTotal = 0;
  // Markers for a syscall trace: the fsyncs between them are the measured commands' own.
  process.stderr.write('MEASURE-START\n');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) {
        const request = mix.next();
        const sent = performance.now();
        await fixture.send(typeOf(request.path), request.body as Record<string, unknown>, {
          idempotencyKey: request.idempotencyKey,
        });
        latencyTotal += performance.now() - sent;
        commands += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`MEASURE-END ${commands} commands\n`);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    commands,
    seconds,
    cpuMicros: (cpu.user + cpu.system) / commands,
    latencyMs: latencyTotal / commands,
  };
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  for (const inFlight of CONCURRENCY) {
    const fixture = PipelineFixture.open({}, freshDirectory('commands'));
    try {
      const result = await measure(fixture, inFlight);
      rows.push([
        String(inFlight),
        formatRate(result.commands / result.seconds),
        result.latencyMs.toFixed(2),
        Math.round(result.cpuMicros).toString(),
      ]);
    } finally {
      await fixture.close();
    }
  }
  console.log(`${commandMix().describe()}; ${SECONDS} s per row\n`);
  printTable(['in flight', 'commands/s', 'mean latency ms', 'CPU µs per command'], rows);
}

void main();
