import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parseApiKeys } from '../config/api-keys';
import type { ChronicleConfig } from '../config/chronicle-config';
import type { RequestWithActor } from './actor';
import { ApiKeyGuard } from './api-key.guard';
import { Public, Roles } from './auth.decorators';

@Roles('analyst')
class ViewsController {
  funnel(): void {}
  @Roles('auditor')
  history(): void {}
  @Public()
  health(): void {}
}
class UndecoratedController {
  forgotten(): void {}
}

const config: ChronicleConfig = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/unused',
  bodyLimitBytes: 1024,
  apiKeys: parseApiKeys('svc=service;ana=analyst;aud=auditor;adm=admin'),
  redisPrefix: 'bull',
  logLevel: 'info',
  maxHeavyQueries: 4,
};
const guard = new ApiKeyGuard(new Reflector(), config);

function call(controller: object, handler: string, token?: string): RequestWithActor {
  const request: RequestWithActor = { headers: token ? { authorization: `Bearer ${token}` } : {} };
  const context = {
    getType: () => 'http',
    getClass: () => controller,
    getHandler: () => (controller as { prototype: Record<string, unknown> }).prototype[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  guard.canActivate(context);
  return request;
}

function refusalOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('ApiKeyGuard', () => {
  it("admits a key with the controller's role and records the actor", () => {
    expect(call(ViewsController, 'funnel', 'ana').actor).toEqual({
      id: expect.stringMatching(/^key:[0-9a-f]{8}$/) as unknown,
      roles: ['analyst'],
      scope: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it("lets a handler's roles replace the controller's", () => {
    expect(refusalOf(() => call(ViewsController, 'history', 'aud'))).toBeUndefined();
    expect(refusalOf(() => call(ViewsController, 'history', 'ana'))).toBe('FORBIDDEN');
  });

  it('lets admin do everything', () => {
    expect(refusalOf(() => call(ViewsController, 'history', 'adm'))).toBeUndefined();
  });

  it('keeps routes without @Roles for admin (fails closed)', () => {
    expect(refusalOf(() => call(UndecoratedController, 'forgotten', 'adm'))).toBeUndefined();
    expect(refusalOf(() => call(UndecoratedController, 'forgotten', 'svc'))).toBe('FORBIDDEN');
  });

  it('lets anyone reach a @Public route', () => {
    expect(call(ViewsController, 'health').actor).toBeUndefined();
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'guess'],
  ])('refuses %s as UNAUTHENTICATED', (_case, token) => {
    expect(refusalOf(() => call(ViewsController, 'funnel', token))).toBe('UNAUTHENTICATED');
  });
});
