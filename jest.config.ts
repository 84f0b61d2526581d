/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// One transform and alias map for every project: specs beside the code are unit tests,
// *.int-spec.ts talk to real servers (Redis here; EventStoreDB/MongoDB when their URLs are set),
// apps/*/test/*.e2e-spec.ts drive the HTTP API on a real port.
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest', {}] as [string, Record<string, unknown>] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@chronicle/event-store/testing$': '<rootDir>/libs/event-store/src/testing/index.ts',
    // Adapters and the modules that choose them sit behind subpaths, so an entry file never loads them.
    '^@chronicle/([a-z-]+)/(embedded|eventstoredb|mongodb|bullmq)$':
      '<rootDir>/libs/$1/src/adapters/$2/index.ts',
    '^@chronicle/([a-z-]+)/module$': '<rootDir>/libs/$1/src/module/index.ts',
    '^@chronicle/(domain|embedded-sqlite|event-store|read-store|projections|application|platform|scheduling|integrity|change-feed|webhooks)$':
      '<rootDir>/libs/$1/src/index.ts',
  },
};

const config: Config = {
  testTimeout: 30_000,
  // A redis-server of the run's own unless REDIS_URL names one (libs/scheduling/src/testing).
  globalSetup: '<rootDir>/libs/scheduling/src/testing/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/scheduling/src/testing/jest-global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'] },
  ],
};

export default config;
