/**
 * The module boundaries `npm run check` enforces (docs/architecture.md, "Boundaries").
 * Paths are resolved through tsconfig.json, so `@chronicle/<lib>` imports are judged by the files
 * they reach.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'An app reaches another only through a lib; shared modules live in the libs.',
      severity: 'error',
      // Test support may drive another app in-process (the e2e suites import datasets with the CLI's code).
      from: { path: '^apps/([^/]+)/src/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-imports-an-app',
      comment: 'Libs are the inner layers; apps compose them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-nothing',
      comment: 'The domain is pure: no other lib, no package, no Node module.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: ['^libs/domain/'] },
    },
    {
      name: 'ports-never-import-adapters',
      comment: 'A port names the contract; which adapter fills it is decided outside.',
      severity: 'error',
      from: { path: '\\.port\\.ts$' },
      to: { path: '/adapters/' },
    },
    {
      name: 'entry-files-export-no-adapter',
      comment:
        "A lib's entry names its ports, tokens and logic; adapters and the modules that open them sit behind subpaths (@chronicle/<lib>/embedded, /module…), so importing a token loads no driver.",
      severity: 'error',
      from: { path: '^libs/[^/]+/src/index\\.ts$' },
      to: { path: ['/adapters/', '^libs/[^/]+/src/module/(?!queue-options)'] },
    },
    {
      name: 'no-lib-imports-bench-or-tests',
      comment: 'Benchmarks and e2e suites use the code, never the reverse.',
      severity: 'error',
      from: { path: '^(libs|apps)/[^/]+/src/' },
      to: { path: '^(bench|apps/[^/]+/test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
