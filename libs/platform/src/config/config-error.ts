/** Invalid configuration; `message` is one line naming the setting, fit to print and exit. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
