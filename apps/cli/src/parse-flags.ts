export interface ParsedFlags {
  /** `--flag value` pairs, by flag. */
  values: Map<string, string>;
  /** False when `--no-progress` was given. */
  progress: boolean;
}

/**
 * Reads `--flag value` options, of which only `allowed` are known, and the `--no-progress` switch.
 * @throws Error with a message fit for the user on an unknown flag or a missing value.
 */
export function parseFlags(argv: readonly string[], allowed: readonly string[]): ParsedFlags {
  const values = new Map<string, string>();
  let progress = true;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    if (flag === '--no-progress') {
      progress = false;
      continue;
    }
    if (!allowed.includes(flag)) throw new Error(`Unknown option ${flag}`);
    const value = argv[index + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    values.set(flag, value);
    index += 1;
  }
  return { values, progress };
}
