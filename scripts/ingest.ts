/**
 * npm run ingest                      every source in content/sources → content/reports/<slug>.mdx
 * npm run ingest -- --sources <dir>   another folder of sources (with --out <dir> for where the MDX goes)
 * npm run ingest -- --json <file>     one source's record as JSON on stdout; a clear error and exit 1 otherwise
 * --skip-invalid                      report bad sources but publish the rest (for folders of documents found in
 *                                     the wild, such as benchmarks); without it any bad source stops the run
 * --cache <dir> | --no-cache          where parsed records are kept between runs (default .cache/ingest): a source
 *                                     whose bytes, sidecar and parser are unchanged is not read again
 *
 * The only file I/O of the pipeline. Output is staged and published in one step (scripts/lib/publish.ts), so a failed
 * or interrupted run writes nothing and leaves the previous archive exactly as it was; a second run writing the same
 * folder at once stops with "another build is running (pid …)".
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';
import { asSourceError, linkRecords, parseRecords, type CachedSource, type LoadedSource } from '../src/lib/ingest/build-records.ts';
import { sha256Of } from '../src/lib/sha256.ts';
import { DEFAULT_CACHE_DIR, openIngestCache, type IngestCache } from '../src/lib/ingest/cache.ts';
import { checkSourceSize, decodeSourceText } from '../src/lib/ingest/decode.ts';
import { checkSourceName } from '../src/lib/ingest/source-name.ts';
import { parseSidecar } from '../src/lib/ingest/validate.ts';
import { parseTaxonomy } from '../src/lib/link/themes.ts';
import { SourceError } from '../src/lib/source-error.ts';
import type { ReportRecord } from '../src/schemas/report.ts';
import { parseCommandLine, stopWith } from './lib/command-line.ts';
import { stageLinked } from './lib/stage-linked.ts';
import { beginPublication, publish, REPOSITORY, stopOnInterrupt, workspaceBeside, type Workspace } from './lib/publish.ts';

const SOURCE_EXTENSIONS = new Set(['.txt', '.pdf']);

function listSources(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SourceError('the sources folder does not exist', { file: dir, hint: 'give --sources a folder of .txt and .pdf sources' });
  }
  return readdirSync(dir)
    .filter((name) => SOURCE_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Reads each source and its sidecar; PDFs are extracted together on every core. A source the ingest cache holds
 * (same bytes, sidecar and parser) is neither extracted nor parsed again. Problems are collected, not thrown.
 */
async function loadSources(allPaths: string[], cache?: IngestCache): Promise<{ sources: Array<LoadedSource | CachedSource>; errors: SourceError[] }> {
  const errors: SourceError[] = [];
  const isPdf = (path: string) => extname(path).toLowerCase() === '.pdf';
  const sidecarOf = (path: string) => {
    const sidecarPath = path.replace(/\.[^.]+$/, '.json');
    return existsSync(sidecarPath) ? parseSidecar(readFileSync(sidecarPath, 'utf8'), basename(sidecarPath)) : {};
  };
  // Sizes are checked before anything is read, so an oversized file never has to fit in memory.
  const cached = new Map<string, CachedSource>();
  const paths = allPaths.filter((path) => {
    try {
      if (!existsSync(path)) throw new SourceError('there is no such file', { file: path, hint: 'check the path and run again' });
      checkSourceSize(statSync(path).size, basename(path), isPdf(path) ? 'pdf' : 'text');
      const record = cache?.get(sha256Of(readFileSync(path)), sidecarOf(path), basename(path));
      if (record) cached.set(path, { file: basename(path), record });
      return true;
    } catch (error) {
      errors.push(asSourceError(error, basename(path)));
      return false;
    }
  });
  const pdfPaths = paths.filter((path) => isPdf(path) && !cached.has(path));
  // pdf.js loads only when there are PDFs to read, so text-only runs start instantly.
  const pdfTexts = pdfPaths.length ? await (await import('../src/lib/extract/pool.ts')).extractPdfs(pdfPaths) : [];
  const pdfTextOf = new Map(pdfPaths.map((path, i) => [path, pdfTexts[i]]));

  const sources: Array<LoadedSource | CachedSource> = [];
  for (const path of paths) {
    const file = basename(path);
    const hit = cached.get(path);
    if (hit) {
      sources.push(hit);
      continue;
    }
    try {
      const bytes = new Uint8Array(readFileSync(path));
      const pdf = pdfTextOf.get(path);
      let text: string;
      if (pdf === undefined) text = decodeSourceText(bytes, file);
      else if (!pdf.ok) throw pdf.error;
      else text = pdf.result.text;
      sources.push({ file, format: pdf === undefined ? 'text' : 'pdf', text, sha256: sha256Of(bytes), sidecar: sidecarOf(path) });
    } catch (error) {
      errors.push(asSourceError(error, file));
    }
  }
  return { sources, errors };
}

function fail(errors: SourceError[], outcome: string): never {
  for (const error of errors) console.error(`✗ ${error.message}`);
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} found. ${outcome}`);
  process.exit(1);
}

/** The repository's records share the repository's lock with build and add; any other output folder has its own. */
function workspaceFor(outDir: string): Workspace {
  return resolve(outDir) === resolve(DEFAULT_REPORTS_DIR) ? REPOSITORY : workspaceBeside(outDir);
}

const USAGE = 'Usage: npm run ingest -- [--sources <dir>] [--out <dir>] [--skip-invalid] [--cache <dir> | --no-cache] | --json <file>';

function readArguments() {
  const options = {
    json: { type: 'string' },
    sources: { type: 'string', default: DEFAULT_SOURCES_DIR },
    out: { type: 'string', default: DEFAULT_REPORTS_DIR },
    'skip-invalid': { type: 'boolean', default: false },
    cache: { type: 'string', default: DEFAULT_CACHE_DIR },
    'no-cache': { type: 'boolean', default: false },
  } as const;
  return parseCommandLine({ options }, USAGE).values;
}

async function main(): Promise<void> {
  const values = readArguments();
  const cache = values['no-cache'] ? undefined : openIngestCache(values.cache);
  const themes: unknown = JSON.parse(readFileSync('content/themes.json', 'utf8'));
  const taxonomy = parseTaxonomy(themes);
  const skipInvalid = values['skip-invalid'];

  /**
   * Sources → parsed records; problems with reading come first, and stop a strict run before any parsing. The
   * sources' text is let go when this returns, before linking (at 5,000 reports it is a few hundred megabytes).
   */
  async function parse(allPaths: string[]): Promise<{ records: ReportRecord[]; problems: SourceError[]; reused: number }> {
    // The source name rule comes first: a name that cannot be a URL is refused before the file is read.
    const misnamed: SourceError[] = [];
    const paths = allPaths.filter((path) => {
      try {
        checkSourceName(basename(path));
        return true;
      } catch (error) {
        misnamed.push(asSourceError(error, basename(path)));
        return false;
      }
    });
    const { sources, errors: unread } = await loadSources(paths, cache);
    const reused = sources.filter((source) => 'record' in source).length;
    const errors = [...misnamed, ...unread];
    if (errors.length && !skipInvalid) return { records: [], problems: errors, reused };
    const parsed = parseRecords(sources, { cache });
    return { records: parsed.records, problems: [...errors, ...parsed.errors], reused };
  }

  if (values.json !== undefined) {
    const { records, problems } = await parse([values.json]);
    if (problems.length) fail(problems, 'No record printed.');
    const linked: ReportRecord[] = [];
    const { errors } = linkRecords(records, taxonomy, (record) => linked.push(record));
    if (errors.length) fail(errors, 'No record printed.');
    process.stdout.write(`${JSON.stringify(linked[0], null, 2)}\n`);
    return;
  }

  const started = performance.now();
  const workspace = workspaceFor(values.out);
  stopOnInterrupt();
  beginPublication(workspace);
  const unchangedOutput = `Nothing was written; ${values.out} is unchanged.`;
  const parsed = await parse(listSources(values.sources));
  if (parsed.problems.length && !skipInvalid) fail(parsed.problems, unchangedOutput);

  // Each record is written to the staging folder as soon as it is linked and validated (on two threads: see
  // scripts/lib/stage-linked.ts), and let go: at 5,000 reports
  // the records and their MDX held together took gigabytes. The folder is published in place of the output folder in
  // one step (scripts/lib/publish.ts), so an interrupted run leaves the previous output, or on the next run the new one
  // whole; a strict run that finds a problem removes what it staged.
  const staged = join(workspace.staging, 'reports');
  mkdirSync(staged, { recursive: true });
  const { written, errors: unlinked } = await stageLinked(parsed.records, themes, staged);
  const problems = [...parsed.problems, ...unlinked];
  if (problems.length && !skipInvalid) {
    rmSync(staged, { recursive: true, force: true });
    fail(problems, unchangedOutput);
  }
  for (const problem of problems) console.warn(`skipped: ${problem.message}`);
  publish(workspace, [{ staged, live: values.out }]);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skipped = problems.length ? `, skipped ${problems.length}` : '';
  const unchanged = cache ? `, ${parsed.reused} of them unchanged since the last run (not parsed again)` : '';
  console.log(`Ingested ${written} sources from ${values.sources} into ${values.out}${skipped}${unchanged} in ${seconds} s.`);
}

// A SourceError is a maintainer's problem and says what to do; anything else is a bug, so show where.
main().catch(stopWith);
