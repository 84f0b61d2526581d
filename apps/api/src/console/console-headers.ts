/**
 * The policy every console answer carries: scripts, styles, images and requests from this
 * origin only, no inline code, no framing, no plugins, and forms that cannot post elsewhere.
 * `img-src data:` lets the browser show what Chart.js draws when a chart is saved as an image.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every console answer, page or asset. */
export const CONSOLE_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', CONSOLE_CSP],
  // File names carry no hash: the browser must ask again (a 304 when nothing changed).
  ['Cache-Control', 'no-cache'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Vary', 'Accept-Encoding'],
];
