/**
 * The incremental-ingest benchmark: how long ingest takes to add one new report to an archive it has ingested before
 * (the ingest cache holds every other source's record), next to a clean build of the same archive. Corpora:
 *   60     the bundled sources (content/sources: 5 seeds and 55 real Ofsted PDFs)
 *   1000   those plus 940 synthetic ILACS-style reports made from their real paragraphs (scripts/lib/synthetic-corpus.ts)
 * The report added is a real PDF (the bundled sources' newest), so its time includes extracting its text.
 *
 * For each corpus: a clean ingest (empty cache) and the Astro build after it; then, with a second empty cache, the
 * archive without the one report is ingested once (filling the cache), again with nothing changed, and again with
 * the report added. Each step is its own process. Linking runs over every record every time.
 * Usage: node scripts/bench-incremental.ts [--corpora 60,1000] [--results bench/results/incremental.md]
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyBundled, paragraphPool, runStage, writeResultsKeepingNotes, writeSynthetic, type StageResult } from './lib/bench-corpora.ts';
import { ASTRO_BUILD_ARGS } from './lib/astro-build.ts';

const WORK = resolve('bench/tmp/incremental');
/** The ingest step's target for adding one report to 1,000 (issue 11). */
const TARGET_SECONDS = 10;

/** A step's wall-clock time, and its CPU time (user + system, every thread), which other work on a shared machine inflates far less. */
interface Step {
  seconds: number;
  cpuSeconds: number | null;
  output: string;
}

interface Row {
  corpus: string;
  documents: number;
  clean: Step;
  build: StageResult;
  unchanged: Step;
  addOne: Step;
}

/** GNU time reports the CPU time of the ingest process and its worker threads. */
const GNU_TIME = '/usr/bin/time';

async function ingest(sources: string, reports: string, cache: string): Promise<Step> {
  const args = ['scripts/ingest.ts', '--sources', sources, '--out', reports, '--cache', cache, '--skip-invalid'];
  if (!existsSync(GNU_TIME)) return { ...(await runStage(process.execPath, args, {})), cpuSeconds: null };
  const run = await runStage(GNU_TIME, ['-f', 'cpu-seconds %U %S', process.execPath, ...args], {});
  const cpu = /cpu-seconds ([\d.]+) ([\d.]+)/.exec(run.output);
  return { seconds: run.seconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null, output: run.output };
}

/** The newest real PDF of the bundled sources: the report "published" last. */
function newestPdf(sources: string): string {
  return readdirSync(sources).filter((name) => name.endsWith('.pdf')).sort((a, b) => a.replace(/^.*-(\d{4}-\d{2}-\d{2})-.*$/, '$1').localeCompare(b.replace(/^.*-(\d{4}-\d{2}-\d{2})-.*$/, '$1'))).pop()!.replace(/\.pdf$/, '');
}

async function benchCorpus(corpus: string, prepare: (sources: string) => void): Promise<Row> {
  const root = join(WORK, corpus);
  const sources = join(root, 'sources');
  const reports = join(root, 'reports');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(sources, { recursive: true });
  prepare(sources);
  const documents = readdirSync(sources).filter((name) => /\.(pdf|txt)$/.test(name)).length;

  console.error(`[${corpus}] clean ingest of ${documents} sources, then the Astro build…`);
  const clean = await ingest(sources, reports, join(root, 'clean-cache'));
  const build = await runStage(process.execPath, ASTRO_BUILD_ARGS, {
    ARCHIVE_REPORTS_DIR: reports,
    ARCHIVE_SOURCES_DIR: sources,
    ARCHIVE_OUT_DIR: join(root, 'dist'),
  });
  rmSync(join(root, 'dist'), { recursive: true, force: true });

  const added = newestPdf(sources);
  const aside = join(root, 'aside');
  mkdirSync(aside);
  for (const ext of ['.pdf', '.json']) if (existsSync(join(sources, added + ext))) renameSync(join(sources, added + ext), join(aside, added + ext));
  const cache = join(root, 'cache');
  console.error(`[${corpus}] ingest without ${added} (fills the cache), again unchanged, then with it added…`);
  await ingest(sources, reports, cache);
  const unchanged = await ingest(sources, reports, cache);
  for (const name of readdirSync(aside)) renameSync(join(aside, name), join(sources, name));
  const addOne = await ingest(sources, reports, cache);
  if (!/, \d+ of them unchanged since the last run/.test(addOne.output)) throw new Error(`ingest did not report its cache:\n${addOne.output}`);
  console.error(`[${corpus}] ${addOne.output.trim()}`);
  return { corpus, documents, clean, build, unchanged, addOne };
}

const s = (stage: { seconds: number }) => stage.seconds.toFixed(1);
const cpu = (step: Step) => (step.cpuSeconds === null ? 'n/a' : step.cpuSeconds.toFixed(1));

function writeResults(rows: Row[], corpora: string, file: string): string {
  const lines = rows.map(
    (r) =>
      `| ${r.corpus} | ${r.documents} | ${s(r.clean)} (${cpu(r.clean)}) | ${s(r.build)} | ${(r.clean.seconds + r.build.seconds).toFixed(1)} | ${s(r.unchanged)} (${cpu(r.unchanged)}) | ${s(r.addOne)} (${cpu(r.addOne)}) |`,
  );
  const national = rows.find((r) => r.corpus === '1000');
  const verdict = national
    ? [
        `Target: adding one report to 1,000, the ingest step under ${TARGET_SECONDS} s: ${national.addOne.seconds.toFixed(1)} s wall-clock, ` +
          `${national.addOne.seconds < TARGET_SECONDS ? 'met' : 'missed'}; ${cpu(national.addOne)} s of CPU.`,
        '',
      ]
    : [];
  const figures = [
    '# Incremental ingest benchmark',
    '',
    `Command: \`npm run bench -- incremental\` (node scripts/bench-incremental.ts --corpora ${corpora}). Machine: ${process.platform}, ${availableParallelism()} cores, ` +
      `load average ${loadavg()[0]!.toFixed(1)} when it finished.`,
    'Each step is its own process. "Clean" is ingest with an empty cache; "add one" is ingest after the archive without',
    'one real PDF report was ingested, with that report added (its text extracted, it alone parsed, every record linked).',
    'Ingest times are wall-clock seconds, with CPU seconds (user + system, all threads) in brackets.',
    '',
    '| corpus | documents | clean ingest s | Astro build s | clean build s (ingest + Astro) | re-ingest, nothing changed, s | ingest after adding one report, s |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    '',
    ...verdict,
  ].join('\n');
  return writeResultsKeepingNotes(file, figures);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpora: { type: 'string', default: '60,1000' },
      results: { type: 'string', default: 'bench/results/incremental.md' },
    },
  });
  const wanted = values.corpora.split(',');
  const rows: Row[] = [];
  if (wanted.includes('60')) rows.push(await benchCorpus('60', copyBundled));
  if (wanted.includes('1000')) {
    // The synthetic reports are made from the paragraphs of the bundled sources' records.
    let poolFrom = join(WORK, '60', 'reports');
    if (!wanted.includes('60')) {
      poolFrom = join(WORK, 'pool');
      await ingest('content/sources', poolFrom, join(WORK, 'pool-cache'));
    }
    const pool = paragraphPool(poolFrom);
    rows.push(
      await benchCorpus('1000', (dir) => {
        copyBundled(dir);
        const bundled = readdirSync(dir).filter((name) => /\.(pdf|txt)$/.test(name)).length;
        writeSynthetic(dir, 1000 - bundled, pool);
      }),
    );
  }
  console.log(writeResults(rows, values.corpora, values.results));
}

await main();
