import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@chronicle/platform';
import type { DatasetName } from '../../../cli/src/datasets/dataset-registry';
import { importDataset } from '../../../cli/src/import/import-dataset';
import { flattenPlan } from '../../../cli/src/import/import-plan';
import { InProcessSender } from '../../../cli/src/senders/in-process-sender';

/** `../shared/datasets` beside the repository, where the CLI looks by default. */
export const DATASETS_PATH = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'datasets');

export function datasetsAvailable(...datasets: DatasetName[]): boolean {
  return datasets.every((dataset) => existsSync(join(DATASETS_PATH, dataset, 'SOURCE.txt')));
}

export interface DatasetImport {
  dataset: DatasetName;
  /** Source records (opportunities, incidents, clients); absent → all. */
  limit?: number;
}

export interface ImportedData {
  /** The event store's head after the imports. */
  head: string;
  /** Every contact the imports registered, in sending order. */
  contactIds: string[];
}

/**
 * Runs the CLI's in-process import into `dataDir`, as `chronicle-cli import` would, and closes the
 * write side again so a server can then open the folder (the embedded stores lock it).
 * Any refusal fails: the test would then compare views of data nobody meant to import.
 */
export async function importDatasets(
  dataDir: string,
  imports: DatasetImport[],
): Promise<ImportedData> {
  const config = loadConfig({ CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: 'import=service' });
  const sender = await InProcessSender.open(config, 'import-e2e');
  const contactIds: string[] = [];
  try {
    for (const { dataset, limit } of imports) {
      const { report, plan } = await importDataset({
        dataset,
        path: DATASETS_PATH,
        limit,
        concurrency: 32,
        sender,
      });
      if (report.refused > 0) {
        throw new Error(`${dataset}: ${report.refused} refused\n${report.describe(0).join('\n')}`);
      }
      for (const command of flattenPlan(plan)) {
        if (command.type === 'RegisterContact') contactIds.push(String(command.payload.contactId));
      }
    }
    return { head: await sender.headPosition(), contactIds };
  } finally {
    await sender.close();
  }
}
