/**
 * npm run build                      ingest content/sources, build the site into dist/, index it for search
 * npm run build -- --sources <dir>   the same from any folder of text or PDF sources; the records go to
 *                                    .archive/reports (not content/reports), so the committed archive is untouched
 *
 * Each step runs as its own process, so a failure stops the build with that step's message and exit code. Everything
 * is built in .archive/staging first and the permalinks are checked there; the records and dist/ are replaced only
 * at the end, together (scripts/lib/publish.ts), so a failed or interrupted build leaves the previous site serving.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';
import { parseCommandLine, stopWith } from './lib/command-line.ts';
import { beginPublication, publish, REPOSITORY, runStep, stopOnInterrupt, type Move } from './lib/publish.ts';
import { ASTRO_BUILD_ARGS } from './lib/astro-build.ts';

export const SITE_DIR = 'dist';

/**
 * Ingests `sources` and builds the site from the records, all inside the staging folder, with the permalink check
 * applied as if the records were already at `reports` (where they will be published). Returns the moves that
 * publish them.
 */
export async function stageSite(sources: string, reports: string): Promise<{ moves: Move[]; site: string }> {
  const staged = { reports: join(REPOSITORY.staging, 'reports'), dist: join(REPOSITORY.staging, 'dist') };
  const env = {
    ...process.env,
    ARCHIVE_REPORTS_DIR: resolve(staged.reports),
    ARCHIVE_SOURCES_DIR: resolve(sources),
    ARCHIVE_OUT_DIR: resolve(staged.dist),
    ARCHIVE_PUBLISHES_TO: resolve(reports),
  };
  await runStep('ingest', process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', staged.reports], env);
  await runStep('site build and search index', process.execPath, ASTRO_BUILD_ARGS, env);
  const moves = [
    { staged: staged.reports, live: reports },
    { staged: staged.dist, live: SITE_DIR },
  ];
  return { moves, site: staged.dist };
}

if (import.meta.main) {
  try {
    const { values } = parseCommandLine({ options: { sources: { type: 'string' } } }, 'Usage: npm run build [-- --sources <dir>]');
    const sources = values.sources ?? DEFAULT_SOURCES_DIR;
    const reports = values.sources ? '.archive/reports' : DEFAULT_REPORTS_DIR;
    stopOnInterrupt();
    beginPublication(REPOSITORY);
    const { moves } = await stageSite(sources, reports);
    publish(REPOSITORY, moves);
    console.log(`Published ${reports} and ${SITE_DIR}/.`);
  } catch (error) {
    stopWith(error);
  }
}
