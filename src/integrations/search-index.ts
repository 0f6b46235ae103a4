/**
 * The search index, built from the report records (not from the built HTML), so headers, navigation, footers,
 * citation boxes and other boilerplate cannot turn up in results: a hit is always a passage of a report, at its
 * own anchor.
 *
 * It needs only the records, not the pages, so it is built by its own process (scripts/search-index.ts) while Astro
 * generates the pages: Astro renders on one core, the index is built on the other. It is written beside the output
 * folder and moved into the built site once both are done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

interface IndexRun {
  child: ChildProcess;
  done: Promise<string>;
}

function startIndexing(root: URL, folder: string): IndexRun {
  // V8's default young generation: a larger one (--max-semi-space-size=64) once saved a tenth of the index's CPU, but
  // since the index reads one report at a time and holds its postings as numbers it costs more than it saves, and
  // its memory adds to the build's (5,000 reports alone: 46.5 s user and 0.69 GB without it, 49.3 s and 0.86 GB
  // with it; bench/results/scale.md).
  const child = spawn(process.execPath, ['scripts/search-index.ts', '--out', folder], {
    cwd: fileURLToPath(root),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Astro's rendering comes first: its garbage collector works on threads of its own, which an index build at equal
  // priority would slow down. At the lowest priority the index is built in the time Astro leaves free.
  if (child.pid !== undefined) setPriority(child.pid, 19);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output.trim()) : reject(new Error(`Search index: failed (exit ${code}):\n${output.trim()}`))));
  });
  // Never left running after a build that stopped.
  process.once('exit', () => child.kill());
  return { child, done };
}

export default function searchIndex(): AstroIntegration {
  let root: URL;
  let staging = '';
  let run: IndexRun | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        staging = `${fileURLToPath(config.outDir).replace(/\/$/, '')}.search-index`;
      },
      'astro:build:start': () => {
        run = startIndexing(root, staging);
        // A failure is reported when the build is done; until then nothing awaits it.
        run.done.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!run) throw new Error('Search index: the build finished without having started the index (no astro:build:start)');
        logger.info(await run.done);
        const target = join(fileURLToPath(dir), 'search-index');
        rmSync(target, { recursive: true, force: true });
        renameSync(join(staging, 'search-index'), target);
        rmSync(staging, { recursive: true, force: true });
      },
    },
  };
}
