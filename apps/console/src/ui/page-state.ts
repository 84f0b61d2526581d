// A page's filters live in the fragment (`/console/sla#priority=high&from=2016-03-01`): links can
// be shared and bookmarked, the back button undoes a change, and the values never reach the
// server's logs, since browsers do not send the fragment.

export function readFragment(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

export function writeFragment(params: URLSearchParams, mode: 'push' | 'replace'): void {
  const hash = params.toString();
  const url = `${location.pathname}${hash === '' ? '' : `#${hash}`}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** The values of `names` that are set, as the API query to send. */
export function pick(params: URLSearchParams, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) picked[name] = value;
  }
  return picked;
}
