import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { EventStoreModule } from '@chronicle/event-store/module';
import { type ChronicleConfig, loadConfig, PlatformModule } from '@chronicle/platform';
import {
  ProjectionsModule,
  ProjectorRuntime,
  type ProjectionsReport,
} from '@chronicle/projections';
import { InProcessProjectionRebuilds, PROJECTION_REBUILDS } from '@chronicle/scheduling';
import {
  appendEvents,
  counterProjection,
} from '../../../libs/projections/src/runtime/testing/test-projections';
import { ProjectionsController } from '../src/admin/projections.controller';

/** The API's platform and stores (the embedded read store included) with the projections module, test projections and the admin controller. */
@Module({})
class ProjectionsTestAppModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: ProjectionsTestAppModule,
      imports: [
        PlatformModule.forRoot(config),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot({
          projections: [counterProjection()],
          retiredGenerationGraceMs: 0,
        }),
        ProjectionsModule.forFeature([
          counterProjection({ name: 'orders', filter: { streamPrefixes: ['order-'] } }),
        ]),
      ],
      controllers: [ProjectionsController],
      providers: [
        {
          provide: PROJECTION_REBUILDS,
          inject: [ProjectorRuntime],
          useFactory: (runtime: ProjectorRuntime) => new InProcessProjectionRebuilds(runtime),
        },
      ],
    };
  }
}

describe('admin projection endpoints over HTTP', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let runtime: ProjectorRuntime;
  let eventStore: EventStore;

  const request = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-e2e-projections-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 'admin-token=admin;analyst-token=analyst',
    });
    app = await NestFactory.create<NestFastifyApplication>(
      ProjectionsTestAppModule.forRoot(config),
      new FastifyAdapter(),
      {
        logger: false,
        abortOnError: false,
      },
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    runtime = app.get(ProjectorRuntime);
    eventStore = app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists every projection's state, position and lag against the head", async () => {
    const head = await appendEvents(eventStore, { streams: 3, perStream: 20 });
    await runtime.waitForPosition(['counter', 'orders'], head);

    const response = await request('/admin/projections', 'admin-token');

    expect(response.status).toBe(200);
    const body = (await response.json()) as ProjectionsReport;
    expect(body.headPosition).toBe(head);
    expect(body.projections).toEqual([
      {
        name: 'counter',
        version: 1,
        generation: 1,
        state: 'live',
        position: head,
        headPosition: head,
        lag: '0',
      },
      {
        name: 'orders',
        version: 1,
        generation: 1,
        state: 'live',
        position: head,
        headPosition: head,
        lag: '0',
      },
    ]);
  });

  it('refuses a key without the admin role: 403', async () => {
    const response = await request('/admin/projections', 'analyst-token');

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('starts a rebuild with 202 and a job id, and shows its outcome', async () => {
    const response = await request('/admin/projections/counter/rebuild', 'admin-token', {
      method: 'POST',
    });

    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    await runtime.waitForRebuild('counter', jobId);
    const body = (await (
      await request('/admin/projections', 'admin-token')
    ).json()) as ProjectionsReport;
    expect(body.projections[0]).toMatchObject({
      name: 'counter',
      generation: 2,
      state: 'live',
      rebuild: { jobId, done: body.headPosition, total: body.headPosition, finished: true },
    });
  });

  it('answers a rebuild of an unknown projection with 404 NOT_FOUND', async () => {
    const response = await request('/admin/projections/nope/rebuild', 'admin-token', {
      method: 'POST',
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
