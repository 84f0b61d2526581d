// The API key lives in this tab's sessionStorage only: never in localStorage, a cookie or the
// address bar, so it is gone when the tab closes and never sent anywhere but our own API.
const STORAGE_KEY = 'chronicle.apiKey';

export function storedKey(storage: Storage): string | undefined {
  return storage.getItem(STORAGE_KEY) ?? undefined;
}

export function storeKey(storage: Storage, key: string): void {
  storage.setItem(STORAGE_KEY, key);
}

export function forgetKey(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}

export interface FragmentKey {
  /** The key passed as `#key=…`, if any. */
  key?: string;
  /** The fragment without it (page state the console keeps there), `''` when nothing is left. */
  rest: string;
}

/** Splits `#key=…` off a location fragment, keeping the other fragment parameters in order. */
export function takeKeyFromFragment(hash: string): FragmentKey {
  const parameters = new URLSearchParams(hash.replace(/^#/, ''));
  const key = parameters.get('key')?.trim() || undefined;
  parameters.delete('key');
  const rest = parameters.toString();
  return { key, rest: rest === '' ? '' : `#${rest}` };
}
