import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  type ChronicleConfig,
  loadConfig,
  PlatformModule,
  Public,
  Roles,
} from '@chronicle/platform';
import { QueryInteger, QueryTime } from './query-fields';
import { NotEarlierThan } from './query-rules';
import { QueryModule } from './query.module';
import { ValidQuery } from './valid-query.decorator';

class ProbeQuery {
  @QueryTime('Lower bound')
  from?: string;

  @QueryTime('Upper bound')
  @NotEarlierThan('from')
  to?: string;

  @QueryInteger('Page size', { min: 1, max: 10, default: 5 })
  limit?: number;
}

@Controller('probe')
class ProbeController {
  @Public()
  @Get('declared')
  declared(@ValidQuery(ProbeQuery) query: ProbeQuery): { query: ProbeQuery; isDto: boolean } {
    return { query, isDto: query instanceof ProbeQuery };
  }

  @Public()
  @Get('none')
  none(): { ok: true } {
    return { ok: true };
  }

  @Roles('analyst')
  @Get('keyed')
  keyed(): { ok: true } {
    return { ok: true };
  }
}

const ANALYST = 'analyst-token';

/** The real platform (guard, exception filter, global ValidationPipe) around one probe route. */
@Module({})
class ProbeModule {
  static withConfig(config: ChronicleConfig) {
    return {
      module: ProbeModule,
      imports: [PlatformModule.forRoot(config), QueryModule],
      controllers: [ProbeController],
    };
  }
}

describe('@ValidQuery and the undeclared-query rule in a Nest app', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-valid-query-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: `${ANALYST}=analyst`,
    });
    app = await NestFactory.create<NestFastifyApplication>(
      ProbeModule.withConfig(config),
      new FastifyAdapter(),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  interface Answer {
    status: number;
    body: { details?: Array<{ field: string }> } & Record<string, unknown>;
  }

  async function get(path: string, token?: string): Promise<Answer> {
    const headers = token ? { Authorization: `Bearer ${token}` } : undefined;
    const response = await fetch(`${baseUrl}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  it('hands the handler a validated DTO instance', async () => {
    const answer = await get('/probe/declared?from=2024-02-29&limit=7');

    expect(answer).toEqual({
      status: 200,
      body: { query: { from: '2024-02-29', limit: 7 }, isDto: true },
    });
  });

  it('answers a malformed, repeated or unknown parameter with 400 naming each one', async () => {
    const answer = await get('/probe/declared?from=2025-02-31&limit=7&limit=8&form=2025-01-01');

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((answer.body.details ?? []).map(({ field }) => field).sort()).toEqual([
      'form',
      'from',
      'limit',
    ]);
  });

  it('refuses any parameter on a route that declares none', async () => {
    const answer = await get('/probe/none?foo=1&bar=');

    expect(answer).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'foo', problems: ['foo is not a query parameter of this route'] },
          { field: 'bar', problems: ['bar is not a query parameter of this route'] },
        ],
      },
    });
    expect(await get('/probe/none')).toEqual({ status: 200, body: { ok: true } });
  });

  it('checks the key before the query', async () => {
    expect((await get('/probe/keyed?foo=1')).status).toBe(401);
    expect((await get('/probe/keyed?foo=1', ANALYST)).status).toBe(400);
  });

  it('lists the DTO properties as the route’s optional query parameters in OpenAPI', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const parameters = document.paths['/probe/declared']?.get?.parameters ?? [];

    expect(parameters).toEqual(
      ['from', 'to', 'limit'].map((name): unknown =>
        expect.objectContaining({ name, in: 'query', required: false }),
      ),
    );
  });
});
