/**
 * The ingest's last step: link the parsed records and write each, as soon as it is linked and validated, to the
 * staging folder as `<slug>.mdx`. With more than one core the linking is split between this thread and a worker
 * thread (scripts/lib/link-worker.ts), each linking the documents of half the authorities (`LinkingShare` in
 * src/lib/link/link-archive.ts) and writing its own records: the same files, byte for byte, in about half the time
 * (linking was 26 of the ingest's 38 s of CPU at 5,000 reports, with the second core idle).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { linkRecords } from '../../src/lib/ingest/build-records.ts';
import { renderReportMdx } from '../../src/lib/ingest/mdx.ts';
import type { LinkingShare } from '../../src/lib/link/link-archive.ts';
import { parseTaxonomy } from '../../src/lib/link/themes.ts';
import { compareText } from '../../src/lib/link/tokens.ts';
import { SourceError } from '../../src/lib/source-error.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';

/** What a share of the linking did: how many records it wrote, and the records that failed validation. */
export interface StagedShare {
  written: number;
  errors: SourceError[];
}

/** A SourceError as it crosses between threads (a structured clone keeps its fields, not its class). */
export type SerialisedStagedShare = { written: number; errors: Array<Pick<SourceError, 'problem' | 'file' | 'line' | 'page' | 'hint'>> };

/** Links one share of the records (`themes` is content/themes.json, parsed) and writes each into `staged`. */
export function stageShare(records: readonly ReportRecord[], themes: unknown, staged: string, share?: LinkingShare): StagedShare {
  let written = 0;
  const { errors } = linkRecords(
    records,
    parseTaxonomy(themes),
    (record) => {
      writeFileSync(join(staged, `${record.slug}.mdx`), renderReportMdx(record));
      written++;
    },
    share,
  );
  return { written, errors };
}

export const serialiseShare = ({ written, errors }: StagedShare): SerialisedStagedShare => ({
  written,
  errors: errors.map(({ problem, file, line, page, hint }) => ({ problem, file, line, page, hint })),
});

function shareOnWorker(records: readonly ReportRecord[], themes: unknown, staged: string, share: LinkingShare): Promise<StagedShare> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./link-worker.ts', import.meta.url), { workerData: { records, themes, staged, share } });
    let reply: SerialisedStagedShare | undefined;
    worker.on('message', (message: SerialisedStagedShare) => (reply = message));
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!reply) return reject(new Error(`linking: the worker thread linking share ${share.part + 1} of ${share.of} stopped (exit ${code}) before it finished`));
      resolve({ written: reply.written, errors: reply.errors.map(({ problem, file, ...where }) => new SourceError(problem, { file, ...where })) });
    });
  });
}

/**
 * Links every record and writes each into `staged`, on two threads where there are two cores; problems come back
 * in slug order, as one thread would find them.
 */
export async function stageLinked(records: readonly ReportRecord[], themes: unknown, staged: string): Promise<StagedShare> {
  if (availableParallelism() < 2 || records.length < 2) return stageShare(records, themes, staged);
  const other = shareOnWorker(records, themes, staged, { part: 1, of: 2 });
  // If this thread's share fails, the worker's outcome no longer matters: it must not be reported unhandled.
  other.catch(() => {});
  const own = stageShare(records, themes, staged, { part: 0, of: 2 });
  const theirs = await other;
  const slugOf = new Map(records.map((record) => [record.source.file, record.slug]));
  const errors = [...own.errors, ...theirs.errors].sort((a, b) => compareText(slugOf.get(a.file) ?? a.file, slugOf.get(b.file) ?? b.file));
  return { written: own.written + theirs.written, errors };
}
