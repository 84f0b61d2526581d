import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// Builds the console into dist/console, where the API serves it from (docs/architecture.md,
// "The console"): one script bundle, one style sheet and the static files, nothing fetched at
// build or run time. Run by `npm run build:console`, itself part of `npm run build`.
const SOURCES = resolve(__dirname, 'src');
/** Source file → place in the output folder. */
const STATIC_FILES: Array<[string, string]> = [
  ['index.html', 'index.html'],
  ['favicon.svg', 'assets/favicon.svg'],
];

/** The whole console, gzipped, must stay below this (the budget). */
export const GZIP_BUDGET_BYTES = 300 * 1024;

export interface ConsoleBuild {
  outDir: string;
  /** Gzipped size of every served file, by name relative to `outDir`. */
  gzippedBytes: Record<string, number>;
  totalGzippedBytes: number;
}

export async function buildConsole(outDir: string): Promise<ConsoleBuild> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  await build({
    entryPoints: { console: join(SOURCES, 'main.ts') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome120', 'firefox120', 'safari17'],
    outdir: join(outDir, 'assets'),
    tsconfig: join(SOURCES, 'tsconfig.json'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const [from, to] of STATIC_FILES) copyFileSync(join(SOURCES, from), join(outDir, to));
  const gzippedBytes = writeGzippedCopies(outDir);
  const totalGzippedBytes = Object.values(gzippedBytes).reduce((sum, size) => sum + size, 0);
  if (totalGzippedBytes > GZIP_BUDGET_BYTES) {
    throw new Error(`The console is ${totalGzippedBytes} bytes gzipped, over ${GZIP_BUDGET_BYTES}`);
  }
  return { outDir, gzippedBytes, totalGzippedBytes };
}

/**
 * Writes `<file>.gz` beside every file, which the API sends to browsers that accept gzip, and
 * returns their sizes: what the budget counts is what travels.
 */
function writeGzippedCopies(outDir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true });
  for (const entry of files.filter((file) => file.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const gzipped = gzipSync(readFileSync(path), { level: 9 });
    writeFileSync(`${path}.gz`, gzipped);
    sizes[path.slice(outDir.length + 1)] = gzipped.length;
  }
  return sizes;
}

/** `dist/console` under the repository root, where the API looks for it. */
export const DEFAULT_OUT_DIR = resolve(__dirname, '..', '..', 'dist', 'console');

if (require.main === module) {
  buildConsole(process.argv[2] ?? DEFAULT_OUT_DIR).then(
    ({ outDir, totalGzippedBytes }) => {
      const kib = (totalGzippedBytes / 1024).toFixed(1);
      process.stdout.write(`console built in ${outDir}: ${kib} KiB gzipped\n`);
    },
    (error: unknown) => {
      process.stderr.write(`console build failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
