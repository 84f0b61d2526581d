import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPlan } from '../import/import-plan';
import { planMavenImport } from './maven-crm-sales/maven-plan';
import { readCsvFile } from './source-values';
import { planBankImport } from './uci-bank-marketing/bank-plan';
import { planIncidentImport } from './uci-incident-log/incident-plan';

/** Reads a dataset's files from its folder and maps them to a plan; `limit` counts source records. */
type PlanLoader = (folder: string, limit?: number) => ImportPlan;

const LOADERS = {
  'maven-crm-sales': (folder, limit) =>
    planMavenImport(
      {
        pipeline: readCsvFile(join(folder, 'sales_pipeline.csv')),
        accounts: readCsvFile(join(folder, 'accounts.csv')),
        products: readCsvFile(join(folder, 'products.csv')),
        teams: readCsvFile(join(folder, 'sales_teams.csv')),
      },
      limit,
    ),
  'uci-incident-log': (folder, limit) =>
    planIncidentImport(readCsvFile(join(folder, 'incident_event_log_2016-03.csv')), limit),
  'uci-bank-marketing': (folder, limit) =>
    planBankImport(readCsvFile(join(folder, 'bank-full.csv'), { delimiter: ';' }), limit),
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
export function loadPlan(dataset: DatasetName, path: string, limit?: number): ImportPlan {
  const folder = [join(path, dataset), path].find((candidate) =>
    existsSync(join(candidate, 'SOURCE.txt')),
  );
  if (!folder) throw new Error(`No ${dataset} dataset (SOURCE.txt) under ${path}`);
  return LOADERS[dataset](folder, limit);
}
