/**
 * npm run build                      ingest content/sources, build the site into dist/, index it for search
 * npm run build -- --sources <dir>   the same from any folder of text or PDF sources; the records go to
 *                                    .archive/reports (not content/reports), so the committed archive is untouched
 *
 * Each step runs as its own process, so a failure stops the build with that step's message and exit code.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';

const { values } = parseArgs({ options: { sources: { type: 'string' } } });
const sources = values.sources ?? DEFAULT_SOURCES_DIR;
const reports = values.sources ? '.archive/reports' : DEFAULT_REPORTS_DIR;
const env = { ...process.env, ARCHIVE_REPORTS_DIR: resolve(reports), ARCHIVE_SOURCES_DIR: resolve(sources) };

function run(step: string, command: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\nBuild stopped: ${step} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${step} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

run('ingest', process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', reports]);
run('site build and search index', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build']);
