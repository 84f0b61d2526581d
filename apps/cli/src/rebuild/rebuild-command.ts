import { parseRebuildArguments, REBUILD_USAGE } from './rebuild-args';
import { rebuildProjection } from './rebuild-projection';

/** `chronicle-cli rebuild <projection> …`: exit code 0 once the new generation serves. */
export async function runRebuildCommand(
  argv: readonly string[],
  envToken?: string,
): Promise<number> {
  let args;
  try {
    args = parseRebuildArguments(argv, envToken);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${REBUILD_USAGE}\n`);
    return 2;
  }
  try {
    const { jobId } = await rebuildProjection({
      url: args.url,
      token: args.token,
      projection: args.projection,
      progress: args.progress ? process.stderr : undefined,
    });
    process.stdout.write(
      `Projection ${args.projection} rebuilt (job ${jobId}); the new copy serves.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`Rebuild failed: ${(error as Error).message}\n`);
    return 1;
  }
}
