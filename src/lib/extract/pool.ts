/**
 * Extracts many PDFs at once, one worker thread per core: pdf.js is CPU-bound and single-threaded, so this is
 * what makes a whole corpus take seconds rather than tens of seconds. Each worker handles one file at a time
 * and reads it itself, so memory stays at a few documents' worth whatever the corpus size.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { required } from '../required.ts';
import { SourceError } from '../source-error.ts';
import type { ExtractedPdf } from './pdf.ts';
import type { WorkerReply } from './pool-worker.ts';

/** One file's outcome: its text, or the reason it has none. Never thrown: one bad file must not stop a run. */
export type PdfExtraction = { file: string } & ({ ok: true; result: ExtractedPdf } | { ok: false; error: SourceError });

/**
 * Extracts the text of every file in `files` (paths), in parallel, returning outcomes in input order.
 * `workers` defaults to the number of cores and is never more than the number of files.
 */
export async function extractPdfs(
  files: readonly string[],
  { workers = availableParallelism() }: { workers?: number } = {},
): Promise<PdfExtraction[]> {
  const results = new Array<PdfExtraction>(files.length);
  let next = 0;
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./pool-worker.ts', import.meta.url));
      let current = -1;
      let done = false;
      let crash = '';
      const feed = () => {
        if (next >= files.length) {
          done = true;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current] });
      };
      worker.on('message', (reply: WorkerReply) => {
        const file = required(files[reply.index], `file ${reply.index} of the pool`);
        results[reply.index] = reply.ok
          ? { file, ok: true, result: reply.result }
          : { file, ok: false, error: reviveSourceError(reply.error) };
        current = -1;
        feed();
      });
      worker.on('error', (error) => {
        crash = error.message;
      });
      // A thread that dies (out of memory inside pdf.js, say) takes only its current file down with it; a
      // fresh thread carries on with the rest.
      worker.on('exit', (code) => {
        if (done) return resolve();
        if (current >= 0) {
          const file = required(files[current], `file ${current} of the pool`);
          const problem = `text extraction crashed: ${crash || `the worker thread exited with code ${code}`}`;
          const hint = 'this is a bug in the extractor (src/lib/extract) or an extreme file: report it with this file attached';
          results[current] = { file, ok: false, error: new SourceError(problem, { file, hint }) };
        }
        void runWorker().then(resolve);
      });
      feed();
    });
  const count = Math.min(Math.max(1, workers), files.length);
  await Promise.all(Array.from({ length: count }, runWorker));
  return results;
}

/** A SourceError as it crossed the thread boundary (structured clone keeps fields, not the class). */
export interface SerialisedSourceError {
  message: string;
  file: string;
  line: number | null;
  page: number | null;
  hint: string | null;
}

/** The same SourceError again, with its class, so callers can `instanceof` it and print its message as is. */
function reviveSourceError(data: SerialisedSourceError): SourceError {
  return Object.assign(Object.create(SourceError.prototype) as SourceError, {
    name: 'SourceError',
    message: data.message,
    file: data.file,
    line: data.line,
    page: data.page,
    hint: data.hint,
  });
}
