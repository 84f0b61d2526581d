import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../app.factory';
import { buildOpenApiDocument } from './openapi';

/**
 * Writes the OpenAPI document of the real application to a file, without listening on a port:
 * `node -r @swc-node/register apps/api/src/openapi/write-openapi.ts [path]`
 * (default `dist/openapi.json`). The app is created over a temporary data folder, then closed.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'dist/openapi.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-openapi-'));
  try {
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 'openapi-writer=service',
    });
    const app = await createApp(config, { logger: false });
    try {
      const document = buildOpenApiDocument(app);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`OpenAPI document written to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
