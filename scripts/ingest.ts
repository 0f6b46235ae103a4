/**
 * npm run ingest                      every source in content/sources → content/reports/<slug>.mdx
 * npm run ingest -- --sources <dir>   another folder of sources (with --out <dir> for where the MDX goes)
 * npm run ingest -- --json <file>     one source's record as JSON on stdout; a clear error and exit 1 otherwise
 * --skip-invalid                      report bad sources but publish the rest (for folders of documents found in
 *                                     the wild, such as benchmarks); without it any bad source stops the run
 * --cache <dir> | --no-cache          where parsed records are kept between runs (default .cache/ingest): a source
 *                                     whose bytes, sidecar and parser are unchanged is not read again
 *
 * The only file I/O of the pipeline. Output is staged in a sibling folder and swapped in whole, so a failed run
 * writes nothing and leaves the previous archive exactly as it was.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REPORTS_DIR, DEFAULT_SOURCES_DIR } from '../src/lib/archive-paths.ts';
import { buildRecords, sha256Of, asSourceError, type CachedSource, type LoadedSource } from '../src/lib/ingest/archive.ts';
import { DEFAULT_CACHE_DIR, openIngestCache, type IngestCache } from '../src/lib/ingest/cache.ts';
import { checkSourceSize, decodeSourceText } from '../src/lib/ingest/decode.ts';
import { renderReportMdx } from '../src/lib/ingest/mdx.ts';
import { parseSidecar } from '../src/lib/ingest/validate.ts';
import { parseTaxonomy } from '../src/lib/link/themes.ts';
import { SourceError } from '../src/lib/source-error.ts';
import type { ReportRecord } from '../src/schemas/report.ts';

const SOURCE_EXTENSIONS = new Set(['.txt', '.pdf']);

function listSources(dir: string): string[] {
  if (!existsSync(dir)) throw new SourceError('the sources folder does not exist', { file: dir });
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

/** Writes every MDX file into a fresh staging folder, then swaps it for the output folder in two renames. */
function publish(files: Map<string, string>, outDir: string): void {
  const parent = dirname(resolve(outDir));
  const staging = join(parent, `.${basename(outDir)}.staging`);
  const previous = join(parent, `.${basename(outDir)}.previous`);
  rmSync(staging, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(staging, name), content);
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      sources: { type: 'string', default: DEFAULT_SOURCES_DIR },
      out: { type: 'string', default: DEFAULT_REPORTS_DIR },
      'skip-invalid': { type: 'boolean', default: false },
      cache: { type: 'string', default: DEFAULT_CACHE_DIR },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  const cache = values['no-cache'] ? undefined : openIngestCache(values.cache);
  const taxonomy = parseTaxonomy(JSON.parse(readFileSync('content/themes.json', 'utf8')));
  const skipInvalid = values['skip-invalid'];

  /** Sources → records; problems with reading come first, and stop a strict run before any parsing. */
  async function ingest(paths: string[]): Promise<{ records: ReportRecord[]; problems: SourceError[]; reused: number }> {
    const { sources, errors } = await loadSources(paths, cache);
    const reused = sources.filter((source) => 'record' in source).length;
    if (errors.length && !skipInvalid) return { records: [], problems: errors, reused };
    const built = buildRecords(sources, taxonomy, { skipInvalid, cache });
    return { records: built.records, problems: [...errors, ...built.errors], reused };
  }

  if (values.json !== undefined) {
    const { records, problems } = await ingest([values.json]);
    if (problems.length) fail(problems, 'No record printed.');
    process.stdout.write(`${JSON.stringify(records[0], null, 2)}\n`);
    return;
  }

  const started = performance.now();
  const { records, problems, reused } = await ingest(listSources(values.sources));
  if (problems.length && !skipInvalid) fail(problems, `Nothing was written; ${values.out} is unchanged.`);
  for (const problem of problems) console.warn(`skipped: ${problem.message}`);

  publish(new Map(records.map((record) => [`${record.slug}.mdx`, renderReportMdx(record)])), values.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skipped = problems.length ? `, skipped ${problems.length}` : '';
  const unchanged = cache ? `, ${reused} of them unchanged since the last run (not parsed again)` : '';
  console.log(`Ingested ${records.length} sources from ${values.sources} into ${values.out}${skipped}${unchanged} in ${seconds} s.`);
}

main().catch((error) => {
  // A SourceError is a maintainer's problem and says what to do; anything else is a bug, so show where.
  console.error(error instanceof SourceError ? `✗ ${error.message}` : error instanceof Error ? error.stack : error);
  process.exit(1);
});
