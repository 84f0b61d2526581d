import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../../src/app.factory';
import { type DatasetImport, importDatasets } from './import-datasets';

/** The API on a loopback port over a fresh data folder holding the imported datasets. */
export interface DatasetServer {
  baseUrl: string;
  /** The event store's head after the imports: wait for it before comparing a view. */
  head: string;
  close(): Promise<void>;
}

/** Imports `imports` into a new folder, then serves it with one analyst key, `analystKey`. */
export async function serveImportedDatasets(
  name: string,
  imports: DatasetImport[],
  analystKey: string,
): Promise<DatasetServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `chronicle-${name}-`));
  const { head } = await importDatasets(dataDir, imports);
  const config = loadConfig({
    CHRONICLE_DATA_DIR: dataDir,
    CHRONICLE_API_KEYS: `${analystKey}=analyst`,
  });
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  return {
    baseUrl: await app.getUrl(),
    head,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
