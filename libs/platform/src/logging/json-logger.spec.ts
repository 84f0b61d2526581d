import { Logger } from '@nestjs/common';
import { JsonLogger } from './json-logger';
import { runWithCorrelationId } from './request-context';

describe('JsonLogger', () => {
  let lines: Record<string, unknown>[];
  const logger = (minLevel?: 'verbose' | 'debug' | 'warn') =>
    new JsonLogger({
      minLevel,
      write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });

  beforeEach(() => {
    lines = [];
  });

  it('writes one JSON object per line with level, time, msg and context', () => {
    logger().log('started', 'Bootstrap');

    expect(lines).toEqual([
      { level: 'info', time: expect.any(String) as unknown, msg: 'started', context: 'Bootstrap' },
    ]);
  });

  it('adds the correlation id of the request being handled', async () => {
    const json = logger();
    await runWithCorrelationId('corr-1', async () => {
      await Promise.resolve();
      json.warn('slow');
    });

    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'slow', correlationId: 'corr-1' });
  });

  it("keeps the stack and the context apart for Nest's Logger.error(message, stack)", () => {
    const nestLogger = new Logger('Errors');
    Logger.overrideLogger(logger());
    try {
      nestLogger.error('failed', 'Error: boom\n    at somewhere (file.ts:1:1)');
      nestLogger.error('failed without stack');
    } finally {
      Logger.overrideLogger(true);
    }

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'Errors',
        stack: expect.stringContaining('boom') as unknown,
      }),
      expect.objectContaining({ level: 'error', context: 'Errors', msg: 'failed without stack' }),
    ]);
  });

  it('skips levels below the minimum', () => {
    const json = logger('warn');
    json.debug('noise');
    json.log('info');
    json.error('kept');

    expect(lines.map((line) => line.msg)).toEqual(['kept']);
  });

  it("writes Nest's verbose as pino's trace, below debug", () => {
    logger('verbose').verbose('fine detail', 'Replay');
    logger('debug').verbose('dropped', 'Replay');

    expect(lines).toEqual([expect.objectContaining({ level: 'trace', msg: 'fine detail' })]);
  });

  it('writes an object given as the message as JSON, not as [object Object]', () => {
    logger().log({ projection: 'funnel', behind: 3 }, 'Projections');

    expect(lines[0]).toMatchObject({ msg: { projection: 'funnel', behind: 3 } });
  });

  it('never writes a token or an authorization header logged by mistake', () => {
    const json = logger();
    json.pino.info({ headers: { authorization: 'Bearer secret-1' }, token: 'secret-2' }, 'oops');

    const written = JSON.stringify(lines);
    expect(written).not.toContain('secret-1');
    expect(written).not.toContain('secret-2');
    expect(lines[0]).toMatchObject({ token: '[redacted]' });
  });

  it('writes the correlation id once when a line also names it', async () => {
    const raw: string[] = [];
    const json = new JsonLogger({ write: (line) => raw.push(line) });
    await runWithCorrelationId('corr-2', () => {
      json.pino.info({ correlationId: 'corr-2' }, 'answered');
      return Promise.resolve();
    });

    expect(raw[0]?.match(/"correlationId"/g)).toHaveLength(1);
  });

  it('follows the levels Nest sets', () => {
    const json = logger('warn');
    json.setLogLevels(['debug', 'log', 'warn', 'error']);
    json.debug('now written');

    expect(lines.map((line) => line.msg)).toEqual(['now written']);
  });
});
