/**
 * The scale benchmark: builds four corpora end to end, each as `npm run build -- --sources` would, and measures
 * every stage. Corpora:
 *   five       the bundled five sources (content/sources)
 *   five+58    those plus the 58 real Ofsted PDFs in ../shared/corpus (skipped when absent)
 *   1000, 5000 synthetic ILACS-style reports made deterministically from real paragraphs (scripts/lib/synthetic-corpus.ts;
 *              the paragraphs come from the five+58 records, or the five alone when ../shared is absent)
 *
 * Each stage runs in its own process; peak memory is the resident memory of that process and every process it starts
 * (the build starts the search index's beside it) added up, sampled from /proc (scripts/lib/bench-corpora.ts).
 * Usage: node scripts/bench-scale.ts [--corpora five,five+58,1000,5000] [--results bench/results/scale.md]
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { copyBundled, copySeeds, paragraphPool, runStage, writeResultsKeepingNotes, writeSynthetic, type StageResult } from './lib/bench-corpora.ts';
import { ASTRO_BUILD_ARGS } from './lib/astro-build.ts';

const WORK = resolve('bench/tmp');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const sizeOf = (files: string[]) => files.reduce((total, file) => total + statSync(file).size, 0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Cold first search on a built corpus, via the search benchmark (one run per query): bytes and ms per query. A query
 * that shows no result in time is left out of the figures and named in the log.
 */
async function firstSearch(out: string, corpus: string): Promise<Array<{ query: string; kb: number; ms: number }>> {
  const args = ['scripts/bench-search.ts', '--dist', out, '--runs', '1', '--results', join(WORK, `search-${corpus}.md`)];
  const run = await runStage(process.execPath, args, {}, true);
  if (/no results painted/.test(run.output)) console.error(`[${corpus}] a query painted no result within the search benchmark's limit`);
  return [...run.output.matchAll(/^"(.+)": archive search ([\d.]+) KB, (\d+) ms/gm)].map((m) => ({ query: m[1]!, kb: Number(m[2]), ms: Number(m[3]) }));
}

interface Row {
  corpus: string;
  documents: number;
  skipped: number;
  ingest: StageResult;
  build: StageResult;
  /** The search index's own time: its process runs alongside Astro's page generation, inside the build's time. */
  indexSeconds: number | null;
  /** The search index process's own peak (its output says it), beside the build's. */
  indexPeakBytes: number | null;
  pages: number;
  siteBytes: number;
  indexBytes: number;
  reportPageGzip: number;
  search: Array<{ query: string; kb: number; ms: number }>;
}

async function benchCorpus(corpus: string, prepare: (sources: string) => void): Promise<Row> {
  const root = join(WORK, corpus);
  const sources = join(root, 'sources');
  const reports = join(root, 'reports');
  const out = join(root, 'dist');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(sources, { recursive: true });
  prepare(sources);

  console.error(`[${corpus}] ingest…`);
  const ingest = await runStage(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', reports, '--skip-invalid', '--no-cache'], {});
  console.error(`[${corpus}] astro build…`);
  const build = await runStage(process.execPath, ASTRO_BUILD_ARGS, {
    ARCHIVE_REPORTS_DIR: reports,
    ARCHIVE_SOURCES_DIR: sources,
    ARCHIVE_OUT_DIR: out,
  });
  const index = build.output.match(/\[search-index\][^\n]*? in ([\d.]+) s/);
  const indexPeak = build.output.match(/\[search-index\][^\n]*? peak memory (\d+) MB/);
  const files = filesUnder(out);
  const reportPages = files.filter((f) => /\/reports\/[^/]+\/index\.html$/.test(f));
  const row: Row = {
    corpus,
    documents: readdirSync(reports).length,
    skipped: (ingest.output.match(/^skipped: /gm) ?? []).length,
    ingest,
    build,
    indexSeconds: index ? Number(index[1]) : null,
    indexPeakBytes: indexPeak ? Number(indexPeak[1]) * 1e6 : null,
    pages: files.filter((f) => f.endsWith('.html')).length,
    siteBytes: sizeOf(files),
    indexBytes: sizeOf(files.filter((f) => f.includes('/search-index/'))),
    reportPageGzip: median(reportPages.map((f) => gzipSync(readFileSync(f)).length)),
    search: await firstSearch(out, corpus),
  };
  console.error(`[${corpus}] ${row.documents} documents, ${row.pages} pages, ${(ingest.seconds + build.seconds).toFixed(1)} s`);
  return row;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;
const s = (seconds: number) => seconds.toFixed(1);

function table(rows: Row[]): string {
  const header = '| corpus | documents | skipped | ingest s | Astro build s (incl. search index) | search index s (alongside the pages) | total s | peak memory (each stage’s processes together) | search index peak memory (alongside) | pages | pages/s | site size | search index | report page gzip (median) | first search, KB | first search, ms |';
  const lines = rows.map((r) => {
    const total = r.ingest.seconds + r.build.seconds;
    const range = (values: number[]) => (values.length ? `${Math.min(...values)}–${Math.max(...values)}` : 'n/a');
    return `| ${r.corpus} | ${r.documents} | ${r.skipped} | ${s(r.ingest.seconds)} | ${s(r.build.seconds)} | ${r.indexSeconds ?? 'n/a'} | ${s(total)} | ${mb(Math.max(r.ingest.peakTreeBytes, r.build.peakTreeBytes))} | ${r.indexPeakBytes === null ? 'n/a' : mb(r.indexPeakBytes)} | ${r.pages} | ${Math.round(r.pages / total)} | ${mb(r.siteBytes)} | ${mb(r.indexBytes)} | ${kb(r.reportPageGzip)} | ${range(r.search.map((q) => q.kb))} | ${range(r.search.map((q) => q.ms))} |`;
  });
  const perQuery = rows.map((r) => `- ${r.corpus}: ${r.search.map((q) => `"${q.query}" ${q.kb} KB, ${q.ms} ms`).join('; ')}`);
  return [header, `|${'---|'.repeat(16)}`, ...lines, '', 'First search per query (cold cache, one run each):', '', ...perQuery].join('\n');
}

/** Issue 5's targets, each against this run's figures: met or missed, and by how much. */
function targets(rows: Row[]): string[] {
  const row = (corpus: string) => rows.find((r) => r.corpus === corpus);
  const lines: string[] = [];
  const judge = (what: string, value: number, limit: number, unit: string, digits = 1) =>
    lines.push(`- ${what}: ${value.toFixed(digits)} ${unit} against under ${limit} ${unit}: ${value < limit ? 'met' : `missed by ${(value - limit).toFixed(digits)} ${unit} (${Math.round((value / limit - 1) * 100)} %)`}.`);
  const national = row('5000');
  if (national) {
    judge('5,000 documents end to end (ingest + build)', national.ingest.seconds + national.build.seconds, 180, 's');
    judge('5,000 documents, peak memory (the build and the search index beside it, together)', Math.max(national.ingest.peakTreeBytes, national.build.peakTreeBytes) / 1e9, 3, 'GB', 2);
    if (national.search.length) judge('5,000 documents, first search (the largest of the fixed queries)', Math.max(...national.search.map((q) => q.kb)), 200, 'KB');
  }
  const pdfs = row('five+58');
  if (pdfs) judge('PDF ingestion per report (five + 58 PDFs, a worker per core)', pdfs.ingest.seconds / (pdfs.documents + pdfs.skipped), 0.5, 's', 2);
  return lines.length ? ['## Targets (issue 5), from the figures above', '', ...lines, ''] : [];
}

/** Writes the table so far: after every corpus, so a long run that is stopped still leaves what it measured. */
function writeResults(rows: Row[], corpora: string, file: string): string {
  const figures = [
    '# Scale benchmark',
    '',
    `Command: \`npm run bench -- scale\` (node scripts/bench-scale.ts --corpora ${corpora}). Machine: ${process.platform}, ${availableParallelism()} cores.`,
    'Each stage is its own process; peak memory is the resident memory of its process and of the processes it starts',
    'added up (the search index\'s process runs beside the build\'s; its own peak is in the column after). MB and GB are 10^6 and 10^9 bytes.',
    '',
    table(rows),
    '',
    ...targets(rows),
  ].join('\n');
  return writeResultsKeepingNotes(file, figures);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpora: { type: 'string', default: 'five,five+58,1000,5000' },
      results: { type: 'string', default: 'bench/results/scale.md' },
    },
  });
  const wanted = values.corpora.split(',');
  const rows: Row[] = [];

  const record = (row: Row) => (rows.push(row), writeResults(rows, values.corpora, values.results));
  if (wanted.includes('five')) record(await benchCorpus('five', copySeeds));
  if (wanted.includes('five+58')) {
    record(await benchCorpus('five+58', copyBundled)); // the archive as committed: the seeds and the corpus PDFs
  }
  const poolSource = ['five+58', 'five'].map((c) => join(WORK, c, 'reports')).find(existsSync);
  for (const size of ['1000', '5000'].filter((n) => wanted.includes(n))) {
    if (!poolSource) throw new Error('the synthetic corpora need the paragraphs of a built corpus: include "five" in --corpora');
    const pool = paragraphPool(poolSource);
    record(await benchCorpus(size, (dir) => writeSynthetic(dir, Number(size), pool)));
  }

  console.log(writeResults(rows, values.corpora, values.results));
}

await main();
