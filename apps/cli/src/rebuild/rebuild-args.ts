import { parseFlags } from '../parse-flags';

export interface RebuildArguments {
  projection: string;
  url: string;
  token: string;
  progress: boolean;
}

export const REBUILD_USAGE = [
  'Usage: chronicle-cli rebuild <projection> --url URL [--token T] [--no-progress]',
  '  <projection>        a name from GET /admin/projections (e.g. pipeline, service-sla)',
  '  --url URL           the running API, e.g. http://localhost:3000',
  '  --token T           API key with the admin role (default: CHRONICLE_TOKEN, which other',
  '                      users cannot read in the process list)',
].join('\n');

/**
 * Parses `rebuild <projection> --url URL [--token T] [--no-progress]`; `envToken`
 * (CHRONICLE_TOKEN) stands in for `--token`.
 * @throws Error with a message fit for the user when the arguments are wrong.
 */
export function parseRebuildArguments(
  argv: readonly string[],
  envToken?: string,
): RebuildArguments {
  const [command, projection, ...rest] = argv;
  if (command !== 'rebuild') throw new Error(`Unknown command ${JSON.stringify(command ?? '')}`);
  if (!projection || projection.startsWith('--')) throw new Error('Name the projection to rebuild');
  const { values, progress } = parseFlags(rest, ['url', 'token']);
  const { url } = values;
  const token = values.token ?? (envToken || undefined);
  if (url === undefined) throw new Error('--url is required');
  if (token === undefined) throw new Error('An admin key is required: CHRONICLE_TOKEN or --token');
  return { projection, url, token, progress };
}
