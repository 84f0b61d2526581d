// @ts-check
import tseslint from 'typescript-eslint';

const drivers = ['@eventstore/db-client', 'mongodb', 'better-sqlite3', 'bullmq', 'ioredis'];
const driverRule = {
  paths: drivers.map((name) => ({
    name,
    message: 'Drivers are imported only by adapter files (libs/*/src/adapters/**).',
  })),
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'coverage/**',
      '.bench-data/**',
      '**/*.mjs',
      '.dependency-cruiser.js',
      'examples/client/generated/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Nest's decorators and class-validator DTOs rely on classes with no members of their own.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-imports': ['error', driverRule],
    },
  },
  {
    // Adapters, the embedded adapters' shared SQLite support, benchmarks and their tests may use
    // the drivers directly.
    files: [
      'libs/*/src/adapters/**',
      'libs/embedded-sqlite/**',
      'bench/**',
      'apps/*/test/**',
      '**/*.int-spec.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Nest's DI needs the runtime class reference of injected ports, which
    // consistent-type-imports would erase; decorated files keep value imports.
    files: ['apps/**', 'libs/application/**', 'libs/platform/**'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: driverRule.paths,
          patterns: [
            { group: ['@nestjs/*'], message: 'The domain imports no Nest.' },
            {
              group: ['node:*', 'fs', 'path', 'net', 'http', 'child_process', 'os'],
              message: 'The domain does no I/O.',
            },
            { group: ['@chronicle/*'], message: 'The domain depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
