/**
 * Reading with no signal: once the pages and the search index are built, writes each report's list of search files,
 * bundles the service worker (src/service-worker/sw.ts) with Vite, and has Workbox's injectManifest give it the
 * precache manifest (each file with its revision). The worker is stamped with a hash of the built site, which names
 * its caches, so any change to the site makes a new worker that stores pages only from the new build.
 */
import { closeSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build as viteBuild } from 'vite';
// Only the function used: the package's index also loads generateSW's bundler (half a second of every build).
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { PRECACHE_PATTERNS, searchFileLists } from '../lib/offline/build.ts';
import { SERVICE_WORKER_URL, searchFilesUrl } from '../lib/offline/policy.ts';
import { PASSAGE_FILES_PATH, type PassageIndex } from '../lib/search/passage-index.ts';
import { versionOfFiles } from '../lib/sha256.ts';

const WORKER_SOURCE = 'src/service-worker/sw.ts';
/** Folders no stored page depends on (the original PDFs and texts), left out of the build's hash. */
const NOT_HASHED = new Set(['sources']);

/** The files under `dir`, as paths relative to it: the types come with the directory listing, so no file is stat'ed. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    return entry.isDirectory() ? filesUnder(dir, `${name}/`) : entry.isFile() ? [name] : [];
  });
}

/**
 * Each file's bytes in turn, read into one buffer that is reused: each view is valid until the next is read, which
 * is all `versionOfFiles` needs. (A new buffer per file made the collector sweep 3 GB at 5,000 reports.)
 */
function* readInTurn(dir: string, names: Iterable<string>): Generator<{ name: string; bytes: Uint8Array }> {
  let buffer = Buffer.allocUnsafe(1 << 20);
  for (const name of names) {
    const fd = openSync(join(dir, name), 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, buffer, filled, size - filled, null);
        if (read === 0) break;
        filled += read;
      }
      yield { name, bytes: buffer.subarray(0, filled) };
    } finally {
      closeSync(fd);
    }
  }
}

/** A hash of every built file a stored page or search could depend on, in a fixed order. */
function buildHash(out: string): string {
  const names = filesUnder(out)
    .filter((name) => !NOT_HASHED.has(name.split('/')[0]) && `/${name}` !== SERVICE_WORKER_URL)
    .sort();
  // One file at a time: a large site's bytes are never all in memory.
  return versionOfFiles(readInTurn(out, names));
}

function writeSearchFileLists(out: string): number {
  const folder = join(out, PASSAGE_FILES_PATH);
  const pageOf = (id: string) => (JSON.parse(readFileSync(join(folder, `${id}.json`), 'utf8')) as PassageIndex).report.url;
  const lists = searchFileLists(readdirSync(folder), pageOf);
  for (const list of lists) {
    const file = join(out, searchFilesUrl(list.page));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(list));
  }
  return lists.length;
}

async function bundleWorker(root: string, buildId: string, file: string): Promise<void> {
  await viteBuild({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    // Workbox logs each step in development builds only.
    define: { __ARCHIVE_BUILD__: JSON.stringify(buildId), 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: dirname(file),
      emptyOutDir: true,
      minify: true,
      // A classic script, which every browser with service workers runs (module workers are newer).
      lib: { entry: join(root, WORKER_SOURCE), formats: ['iife'], name: 'archiveServiceWorker', fileName: () => 'sw.js' },
    },
  });
}

export default function offline(): AstroIntegration {
  let root = '';
  return {
    name: 'offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir).replace(/\/$/, '');
        const reports = writeSearchFileLists(out);
        const hash = buildHash(out);
        const staging = mkdtempSync(join(tmpdir(), 'archive-sw-'));
        try {
          await bundleWorker(root, hash, join(staging, 'sw.js'));
          const { count, size, warnings } = await injectManifest({
            swSrc: join(staging, 'sw.js'),
            swDest: join(out, SERVICE_WORKER_URL),
            globDirectory: out,
            globPatterns: [...PRECACHE_PATTERNS],
            // Named by their content already: no revision query needed to tell versions apart.
            dontCacheBustURLsMatching: /^_astro\//,
            // In a fixed order, so the same site always builds the same worker (npm run check:deterministic).
            manifestTransforms: [async (entries) => ({ manifest: [...entries].sort((a, b) => (a.url < b.url ? -1 : 1)), warnings: [] })],
          });
          for (const warning of warnings) logger.warn(warning);
          logger.info(`service worker for build ${hash}: ${count} files precached (${(size / 1024).toFixed(0)} KB), search files listed for ${reports} reports`);
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
      },
    },
  };
}
