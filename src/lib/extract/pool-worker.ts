/** A pool worker: extracts the files the pool sends it, one at a time, and reports each outcome. */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { SourceError } from '../source-error.ts';
import { extractPdfText } from './pdf.ts';
import type { ExtractedPdf } from './pdf.ts';
import type { SerialisedSourceError } from './pool.ts';

export type WorkerReply = { index: number } & (
  | { ok: true; result: ExtractedPdf }
  | { ok: false; error: SerialisedSourceError }
);

const port = parentPort;
port?.on('message', async ({ index, file }: { index: number; file: string }) => {
  port.postMessage(await extractOne(index, file));
});

async function extractOne(index: number, file: string): Promise<WorkerReply> {
  try {
    const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new SourceError(`cannot read the file: ${error.code ?? error.message}`, {
        file,
        hint: 'check the path and that the file is readable',
      });
    });
    return { index, ok: true, result: await extractPdfText(new Uint8Array(data), file) };
  } catch (error) {
    const sourceError =
      error instanceof SourceError
        ? error
        : new SourceError(`text extraction failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, {
            file,
            hint: 'this is a bug in the extractor (src/lib/extract): report it with this file attached',
          });
    const { message, line, page, hint } = sourceError;
    return { index, ok: false, error: { message, file: sourceError.file, line, page, hint } };
  }
}
