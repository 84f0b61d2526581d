import { Logger } from '@nestjs/common';
import { JsonLogger } from './json-logger';
import { runWithCorrelationId } from './request-context';

describe('JsonLogger', () => {
  let lines: Record<string, unknown>[];
  const logger = (minLevel?: 'debug' | 'warn') =>
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
});
