import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPlan } from '../import/import-plan';
import { planMavenImport } from './maven-crm-sales/maven-plan';
import { readCsvFile } from './source-values';
import { planBankImport } from './uci-bank-marketing/bank-plan';
import { planIncidentImport } from './uci-incident-log/incident-plan';

/** Reads a dataset's files from its folder and maps them to a plan; `limit` counts source records. */
type PlanLoader = (folder: string, limit?: number) => Promise<ImportPlan>;

const LOADERS = {
  'maven-crm-sales': async (folder, limit) =>
    planMavenImport(
      {
        pipeline: await readCsvFile(join(folder, 'sales_pipeline.csv')),
        accounts: await readCsvFile(join(folder, 'accounts.csv')),
        products: await readCsvFile(join(folder, 'products.csv')),
        teams: await readCsvFile(join(folder, 'sales_teams.csv')),
      },
      limit,
    ),
  'uci-incident-log': async (folder, limit) =>
    planIncidentImport(await readCsvFile(join(folder, 'incident_event_log_2016-03.csv')), limit),
  'uci-bank-marketing': async (folder, limit) =>
    planBankImport(await readCsvFile(join(folder, 'bank-full.csv'), ';'), limit),
} satisfies Record<string, PlanLoader>;

export type DatasetName = keyof typeof LOADERS;

/** The datasets the CLI can import. */
export const DATASET_NAMES = Object.keys(LOADERS) as DatasetName[];

export function isDatasetName(name: string): name is DatasetName {
  return Object.prototype.hasOwnProperty.call(LOADERS, name);
}

/**
 * The plan for a dataset. `path` is the folder holding the dataset folders (shared/datasets) or
 * the dataset's own folder.
 * @throws Error when neither holds the dataset.
 */
export async function loadPlan(
  dataset: DatasetName,
  path: string,
  limit?: number,
): Promise<ImportPlan> {
  const folder = [join(path, dataset), path].find((candidate) =>
    existsSync(join(candidate, 'SOURCE.txt')),
  );
  if (!folder) throw new Error(`No ${dataset} dataset (SOURCE.txt) under ${path}`);
  return await LOADERS[dataset](folder, limit);
}
