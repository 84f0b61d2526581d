import { parseFlags } from './parse-flags';
import { DATASET_NAMES, type DatasetName, isDatasetName } from './datasets/dataset-registry';

/** What `import` was asked to do. */
export interface ImportArguments {
  dataset: DatasetName;
  /** Folder of the datasets; absent → ../shared/datasets from the repository root. */
  path?: string;
  /** Source records to import (opportunities, incidents or clients). */
  limit?: number;
  concurrency: number;
  http?: { url: string; token: string };
  progress: boolean;
}

export const DEFAULT_CONCURRENCY = 32;

export const USAGE = [
  'Usage: chronicle-cli import <dataset> [options]',
  `  <dataset>           ${DATASET_NAMES.join(' | ')}`,
  '  --path DIR          datasets folder (default: ../shared/datasets from the repository root)',
  '  --limit N           import only the first N opportunities, incidents or clients',
  `  --concurrency N     entities in flight at once (default ${DEFAULT_CONCURRENCY})`,
  '  --over-http URL     send to a running API instead of in-process (needs a key)',
  '  --token T           API key with the service role, for --over-http (better: CHRONICLE_TOKEN,',
  '                      which other users cannot read in the process list)',
  '  --no-progress       no progress bar on stderr',
  'In-process, the data folder is CHRONICLE_DATA_DIR (default ./data), as for the API.',
].join('\n');

/**
 * Parses `import <dataset> [options]`; `envToken` (CHRONICLE_TOKEN) stands in for `--token`.
 * @throws Error with a message fit for the user when the arguments are wrong.
 */
export function parseImportArguments(argv: readonly string[], envToken?: string): ImportArguments {
  const [command, dataset, ...rest] = argv;
  if (command !== 'import') throw new Error(`Unknown command ${JSON.stringify(command ?? '')}`);
  if (dataset === undefined || !isDatasetName(dataset)) {
    throw new Error(`Unknown dataset ${JSON.stringify(dataset ?? '')}`);
  }
  const { values, progress } = parseFlags(rest, [
    'path',
    'limit',
    'concurrency',
    'over-http',
    'token',
  ]);
  const url = values['over-http'];
  const token = values.token ?? (url === undefined ? undefined : envToken || undefined);
  if ((url === undefined) !== (token === undefined)) {
    throw new Error('--over-http needs a key: CHRONICLE_TOKEN or --token');
  }
  return {
    dataset,
    path: values.path,
    limit: positiveInteger(values.limit, '--limit'),
    concurrency: positiveInteger(values.concurrency, '--concurrency') ?? DEFAULT_CONCURRENCY,
    http: url !== undefined && token !== undefined ? { url, token } : undefined,
    progress,
  };
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${flag} must be a positive integer`);
  return Number(value);
}
