import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ChronicleError } from '@chronicle/platform';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** An asset's name: letters, digits and dashes, one known extension; no path can be smuggled. */
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(?:js|css|svg)$/;

export interface ConsoleFile {
  open: () => Readable;
  type: string;
  length: number;
  /** A weak validator from size and modification time: a rebuild changes it. */
  etag: string;
  /** `gzip` when the build's pre-compressed copy is sent. */
  encoding?: 'gzip';
}

/**
 * `dist/console`, which `npm run build:console` writes: next to `dist/apps` when this file runs
 * compiled (`npm start`), under the repository's `dist` when it runs from source (tests, dev).
 */
export function consoleFolder(): string {
  const root = resolve(__dirname, '..', '..', '..', '..');
  return basename(root) === 'dist' ? join(root, 'console') : join(root, 'dist', 'console');
}

/** The built files, read from disk at each request so a rebuild needs no restart. */
export class ConsoleFiles {
  constructor(private readonly folder: string) {}

  page(acceptEncoding: string | undefined): ConsoleFile {
    return this.file('index.html', acceptEncoding);
  }

  asset(name: string, acceptEncoding: string | undefined): ConsoleFile {
    if (!ASSET_NAME.test(name)) throw new ChronicleError('NOT_FOUND', `No console file ${name}`);
    return this.file(join('assets', name), acceptEncoding);
  }

  private file(name: string, acceptEncoding: string | undefined): ConsoleFile {
    if (!existsSync(join(this.folder, 'index.html'))) {
      throw new ChronicleError(
        'UNAVAILABLE',
        'The console is not built on this server: run npm run build (or npm run build:console)',
      );
    }
    const plain = join(this.folder, name);
    if (!existsSync(plain)) throw new ChronicleError('NOT_FOUND', `No console file ${name}`);
    const gzipped = `${plain}.gz`;
    const useGzip = acceptsGzip(acceptEncoding) && existsSync(gzipped);
    const path = useGzip ? gzipped : plain;
    const { size, mtimeMs } = statSync(path);
    const extension = name.slice(name.lastIndexOf('.'));
    return {
      open: () => createReadStream(path),
      type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      length: size,
      etag: `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${useGzip ? '-gz' : ''}"`,
      encoding: useGzip ? 'gzip' : undefined,
    };
  }
}

function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([coding, ...parameters]) => coding === 'gzip' && !parameters.includes('q=0'));
}
