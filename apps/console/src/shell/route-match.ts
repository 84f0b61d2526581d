export interface Match<R> {
  route?: R;
  /** Path segments after the page's own, decoded. */
  segments: string[];
}

/** `/console/customers/C-1` → the `customers` route with `['C-1']`; `/console` → no route. */
export function matchRoute<R extends { path: string }>(
  pathname: string,
  routes: readonly R[],
): Match<R> {
  const [, first, ...segments] = pathname.split('/').filter(Boolean);
  const route = routes.find((candidate) => candidate.path === first);
  return { route, segments: segments.map(safeDecode) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
