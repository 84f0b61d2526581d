import { parseArgs } from 'node:util';

export interface ParsedFlags<Name extends string> {
  /** `--name value` (or `--name=value`) options, by name without the dashes. */
  values: Partial<Record<Name, string>>;
  /** False when `--no-progress` was given. */
  progress: boolean;
}

/**
 * Reads `--name value` options, of which only `names` are known, and the `--no-progress` switch.
 * @throws Error with a message fit for the user on an unknown option or word, or a missing value.
 */
export function parseFlags<Name extends string>(
  argv: readonly string[],
  names: readonly Name[],
): ParsedFlags<Name> {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' } as const]));
  // Not strict: node's own errors advise `--` and quoting, which this CLI has no use for; the
  // tokens let it refuse in its own words instead.
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: { ...options, 'no-progress': { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') throw new Error(`Unknown option ${argv[token.index]}`);
    const isSwitch = token.name === 'no-progress' && token.value === undefined;
    if (!isSwitch && !Object.hasOwn(options, token.name)) {
      throw new Error(`Unknown option ${token.rawName}`);
    }
    if (!isSwitch && token.value === undefined) throw new Error(`${token.rawName} needs a value`);
  }
  // Every option left is a known name with a string value: the loop refused the rest.
  return { values: values as Partial<Record<Name, string>>, progress: !values['no-progress'] };
}
